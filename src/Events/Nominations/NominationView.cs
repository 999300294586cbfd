namespace Kvk.Events.Nominations;

/// <summary>
/// The read model of one nomination (a municipality nominated in a round), kept after a withdrawal so
/// that the record stays complete. <c>IsWinner</c> becomes true only when the award is announced.
/// </summary>
public sealed record NominationView
{
    public required string Id { get; init; }

    public required int Year { get; init; }

    public required string MunicipalityCode { get; init; }

    public required string MunicipalityName { get; init; }

    public required string CountyCode { get; init; }

    public required DateTimeOffset NominatedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    public string? WithdrawalReason { get; init; }

    public bool IsWinner { get; init; }

    public static string IdFor(int year, string municipalityCode) => $"{year}:{municipalityCode}";
}

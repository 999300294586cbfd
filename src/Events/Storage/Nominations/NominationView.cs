using Kvk.Domain.Sources;
using Kvk.Storage.Programmes;

namespace Kvk.Storage.Nominations;

/// <summary>A change of a nomination: the municipality was nominated, or its nomination withdrawn (with the reason).</summary>
public sealed record NominationChange(NominationChangeKind Change, DateTimeOffset RecordedAt, string? Reason);

public enum NominationChangeKind
{
    Nominated,
    Withdrawn,
}

/// <summary>
/// The read model of one nomination (a municipality nominated in a round), kept after a withdrawal so
/// that the record stays complete, with its own history: nominated, withdrawn, nominated again. <c>IsWinner</c>
/// becomes true only when the award is announced.
/// </summary>
public sealed record NominationView
{
    public required string Id { get; init; }

    public required int Year { get; init; }

    /// <summary>The award programme of the round (see AwardProgramme); Sveriges KvalitetsKommun unless synthetic.</summary>
    public string Programme { get; init; } = AwardProgramme.Main;

    public required string MunicipalityCode { get; init; }

    public required string MunicipalityName { get; init; }

    public required string CountyCode { get; init; }

    public required DateTimeOffset NominatedAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    public string? WithdrawalReason { get; init; }

    public bool IsWinner { get; init; }

    /// <summary>Where the nomination is published: the sources given with its latest nomination.</summary>
    public IReadOnlyList<Source> Sources { get; init; } = [];

    /// <summary>Every nomination and withdrawal of this municipality in the round, oldest first.</summary>
    public IReadOnlyList<NominationChange> History { get; init; } = [];

    public static string IdFor(string programme, int year, string municipalityCode) =>
        programme == AwardProgramme.Main ? $"{year}:{municipalityCode}" : $"{programme}/{year}:{municipalityCode}";
}

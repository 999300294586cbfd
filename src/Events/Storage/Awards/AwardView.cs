using Kvk.Domain.Sources;
using Kvk.Storage.Programmes;

namespace Kvk.Storage.Awards;

/// <summary>
/// The read model of one announced award. It exists only once a round is announced, so nothing of a
/// secret decision is ever in it. Municipality and county are copied in so that filters and sorts on
/// them run in PostgreSQL without joins.
/// </summary>
public sealed record AwardView
{
    public required string Id { get; init; }

    public required int Year { get; init; }

    /// <summary>The award programme of the round (see AwardProgramme); Sveriges KvalitetsKommun unless synthetic.</summary>
    public string Programme { get; init; } = AwardProgramme.Main;

    public required string RecipientName { get; init; }

    public required string Motivation { get; init; }

    public required string MunicipalityCode { get; init; }

    public required string MunicipalityName { get; init; }

    public required string CountyCode { get; init; }

    public required string CountyName { get; init; }

    /// <summary>The day of the announcement where known.</summary>
    public DateTimeOffset? AnnouncedAt { get; init; }

    /// <summary>The date of the announcement as precise as its sources give it (e.g. "2019"); null where not recorded.</summary>
    public string? AnnouncedOn { get; init; }

    /// <summary>Where the decision, its motivation and any correction of it are published.</summary>
    public IReadOnlyList<Source> Sources { get; init; } = [];

    /// <summary>When the announcement was recorded in Kvk.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}

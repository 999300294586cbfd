using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using Kvk.Storage.Programmes;

namespace Kvk.Storage.Rounds;

/// <summary>A nominee still standing in a round, with when the nomination was recorded.</summary>
public sealed record NomineeEntry(string MunicipalityCode, DateTimeOffset NominatedAt);

/// <summary>Something known of the round but not recorded as a fact of it, with its sources.</summary>
public sealed record RoundNote(string Text, IReadOnlyList<Source> Sources);

/// <summary>The jury's decision as recorded. Secret until the round's announcement.</summary>
public sealed record DecisionEntry(string MunicipalityCode, string RecipientName, string Motivation, DateTimeOffset DecidedAt)
{
    /// <summary>Where the decision and its motivation are published (and any correction of it).</summary>
    public IReadOnlyList<Source> Sources { get; init; } = [];
}

/// <summary>When the award was announced (<c>AnnouncedAt</c>, null where unknown) and when that was recorded.</summary>
public sealed record AnnouncementEntry(DateTimeOffset? AnnouncedAt, DateTimeOffset RecordedAt)
{
    /// <summary>The date of the announcement as precise as its sources give it (e.g. "2019"); null where not recorded.</summary>
    public string? AnnouncedOn { get; init; }
}

/// <summary>The read model of one award round, one document per round stream.</summary>
public sealed record RoundView
{
    public required string Id { get; init; }

    public required int Year { get; init; }

    /// <summary>The award programme of the round (see AwardProgramme); Sveriges KvalitetsKommun unless synthetic.</summary>
    public string Programme { get; init; } = AwardProgramme.Main;

    public required RoundStatus Status { get; init; }

    /// <summary>The version of the round's stream this document reflects.</summary>
    public required long Version { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<NomineeEntry> Nominees { get; init; } = [];

    public DecisionEntry? Decision { get; init; }

    public AnnouncementEntry? Announcement { get; init; }

    /// <summary>When the announcement is scheduled to happen; null when none is (or once it happened).</summary>
    public DateTimeOffset? ScheduledAnnouncement { get; init; }

    /// <summary>What the sources say of the list of nominees; null where the round recorded nothing of it (then its status tells).</summary>
    public NomineesKnown? NomineesKnown { get; init; }

    /// <summary>The sources of the list of nominees.</summary>
    public IReadOnlyList<Source> NomineeSources { get; init; } = [];

    public IReadOnlyList<RoundNote> Notes { get; init; } = [];
}

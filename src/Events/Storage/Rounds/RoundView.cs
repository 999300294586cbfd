using Kvk.Domain.Rounds;
using Kvk.Storage.Programmes;

namespace Kvk.Storage.Rounds;

/// <summary>A nominee still standing in a round, with when the nomination was recorded.</summary>
public sealed record NomineeEntry(string MunicipalityCode, DateTimeOffset NominatedAt);

/// <summary>The jury's decision as recorded. Secret until the round's announcement.</summary>
public sealed record DecisionEntry(string MunicipalityCode, string RecipientName, string Motivation, DateTimeOffset DecidedAt);

/// <summary>When the award was announced (<c>AnnouncedAt</c>, null where unknown) and when that was recorded.</summary>
public sealed record AnnouncementEntry(DateTimeOffset? AnnouncedAt, DateTimeOffset RecordedAt);

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
}

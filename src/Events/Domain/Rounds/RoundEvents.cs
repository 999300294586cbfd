using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

// The facts of an award round, in the order they usually happen. Stored events never change meaning:
// a new kind of fact gets a new record, never a new field with new semantics on an old one.

/// <summary>The secretariat opened the round for a given award year; nominations may be recorded.</summary>
public sealed record RoundOpened(int Year);

/// <summary>The jury nominated a municipality (kommun) as a finalist of the round.</summary>
/// <param name="Sources">Where the nomination is published, where the secretariat or the seed import gave it (absent in events recorded before sources were kept).</param>
public sealed record MunicipalityNominated(int Year, string MunicipalityCode, IReadOnlyList<Source>? Sources = null);

/// <summary>A nomination was withdrawn, with the reason given by the secretariat.</summary>
public sealed record NominationWithdrawn(int Year, string MunicipalityCode, string Reason);

/// <summary>The list of nominees is final; the jury now reviews them.</summary>
public sealed record NominationsClosed(int Year);

/// <summary>The jury decided the winner and wrote its motivation (motivering). Secret until announced.</summary>
/// <param name="Sources">Where the decision and its motivation are published, where given.</param>
public sealed record JuryDecisionRecorded(int Year, string MunicipalityCode, string RecipientName, string Motivation, IReadOnlyList<Source>? Sources = null);

/// <summary>
/// The award was announced publicly. It states what was announced, the recipient and the motivation,
/// so that the public record of an award stands on this event alone. <c>AnnouncedAt</c> is null where
/// the historical sources do not give the day; <c>AnnouncedOn</c> is then the date as precise as the sources give it
/// (e.g. the year "2019"), and absent in events recorded before it was kept.
/// </summary>
/// <param name="Sources">Where the announcement (the decision and its motivation) is published, where given.</param>
public sealed record AwardAnnounced(int Year, string MunicipalityCode, string RecipientName, string Motivation, DateTimeOffset? AnnouncedAt, IReadOnlyList<Source>? Sources = null, string? AnnouncedOn = null);

/// <summary>A published motivation was corrected; the earlier text stays in the stream.</summary>
/// <param name="Sources">Where the corrected text is published, where given.</param>
public sealed record MotivationCorrected(int Year, string Motivation, string Reason, IReadOnlyList<Source>? Sources = null);

/// <summary>
/// The secretariat scheduled the announcement for a moment (or moved it there); at that moment a host announces the
/// award, dated then. Until then the decision stays secret.
/// </summary>
public sealed record AnnouncementScheduled(int Year, DateTimeOffset At);

/// <summary>The scheduled announcement was cancelled before it happened; the decision stays secret.</summary>
public sealed record ScheduledAnnouncementCancelled(int Year);

/// <summary>
/// The recorded decision was revised before the announcement: the winner (one of the standing nominees) and/or the
/// motivation, with why. Secret like the decision until the award is announced; the earlier decision stays in the stream.
/// </summary>
public sealed record DecisionRevised(int Year, string MunicipalityCode, string RecipientName, string Motivation, string Reason);

/// <summary>
/// A note the secretariat keeps for itself beside a public fact (e.g. why a nomination was really withdrawn). Never
/// shown on a public path.
/// </summary>
public sealed record InternalNoteRecorded(int Year, string? MunicipalityCode, string Note);

/// <summary>
/// What the published sources say of a round's list of nominees: the full list, or only the winner (the list was not
/// published). Recorded by the seed import; a round without it shows its coverage by its status.
/// </summary>
public sealed record NomineeListSourced(int Year, NomineesKnown Known, IReadOnlyList<Source> Sources);

/// <summary>
/// Something known of a round but not recorded as a fact of it, with its sources: e.g. a newspaper's report of a
/// winner where no announcement with the jury's motivation was found.
/// </summary>
public sealed record RoundNoteAdded(int Year, string Note, IReadOnlyList<Source> Sources);

namespace Kvk.Domain.Rounds;

// The facts of an award round, in the order they usually happen. Stored events never change meaning:
// a new kind of fact gets a new record, never a new field with new semantics on an old one.

/// <summary>The secretariat opened the round for a given award year; nominations may be recorded.</summary>
public sealed record RoundOpened(int Year);

/// <summary>The jury nominated a municipality (kommun) as a finalist of the round.</summary>
public sealed record MunicipalityNominated(int Year, string MunicipalityCode);

/// <summary>A nomination was withdrawn, with the reason given by the secretariat.</summary>
public sealed record NominationWithdrawn(int Year, string MunicipalityCode, string Reason);

/// <summary>The list of nominees is final; the jury now reviews them.</summary>
public sealed record NominationsClosed(int Year);

/// <summary>The jury decided the winner and wrote its motivation (motivering). Secret until announced.</summary>
public sealed record JuryDecisionRecorded(int Year, string MunicipalityCode, string RecipientName, string Motivation);

/// <summary>
/// The award was announced publicly. It states what was announced, the recipient and the motivation,
/// so that the public record of an award stands on this event alone. <c>AnnouncedAt</c> is null where
/// the historical sources do not give the day.
/// </summary>
public sealed record AwardAnnounced(int Year, string MunicipalityCode, string RecipientName, string Motivation, DateTimeOffset? AnnouncedAt);

/// <summary>A published motivation was corrected; the earlier text stays in the stream.</summary>
public sealed record MotivationCorrected(int Year, string Motivation, string Reason);

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

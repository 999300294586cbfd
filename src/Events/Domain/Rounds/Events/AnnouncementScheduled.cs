namespace Kvk.Domain.Rounds;

/// <summary>
/// The secretariat scheduled the announcement for a moment (or moved it there); at that moment a host announces the
/// award, dated then. Until then the decision stays secret.
/// </summary>
public sealed record AnnouncementScheduled(int Year, DateTimeOffset At) : IRoundEvent<AnnouncementScheduled>
{
    public static string StoredName => "announcement_scheduled";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Scheduled the announcement for {at}.",
            Swedish: "Tillkännagivandet planerades till {at}.",
            English: "The announcement was scheduled for {at} (Swedish time).",
            Secretariat: "schemalade tillkännagivandet till {at}"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { ScheduledAnnouncement = At };

    public RoundEventFacts Facts() => new() { ScheduledAt = At };
}

namespace Kvk.Domain.Rounds;

/// <summary>The scheduled announcement was cancelled before it happened; the decision stays secret.</summary>
public sealed record ScheduledAnnouncementCancelled(int Year) : IRoundEvent<ScheduledAnnouncementCancelled>
{
    public static string StoredName => "scheduled_announcement_cancelled";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Cancelled the scheduled announcement.",
            Swedish: "Det planerade tillkännagivandet ställdes in.",
            English: "The scheduled announcement was cancelled.",
            Secretariat: "ställde in det schemalagda tillkännagivandet"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { ScheduledAnnouncement = null };

    public RoundEventFacts Facts() => RoundEventFacts.None;
}

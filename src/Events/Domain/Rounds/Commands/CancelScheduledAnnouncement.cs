using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Cancels the scheduled announcement of a round before it happens; the decision stays secret.</summary>
public sealed record CancelScheduledAnnouncement(int Year) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.RoundNotFound, RefusalCode.AlreadyAnnounced, RefusalCode.NotScheduled];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if (Missing(round) is { } missing)
        {
            return missing;
        }

        if (round!.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced; there is nothing left to cancel.");
        }

        return round.ScheduledAnnouncement is null
            ? RoundOutcome.Refuse(RefusalCode.NotScheduled, $"No announcement of the {round.Year} award is scheduled.")
            : RoundOutcome.Accept(new ScheduledAnnouncementCancelled(round.Year));
    }
}

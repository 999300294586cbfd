using System.Text.Json.Serialization;
using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>
/// Schedules the announcement of a decided round for a moment in the future, or moves a scheduled one. At that moment
/// a host announces the award (<see cref="AnnounceAward"/>, dated then); until then the decision stays secret.
/// </summary>
/// <param name="AskedAt">When the schedule was asked for (the recorder's clock): the moment must be after it. Not part of the request.</param>
public sealed record ScheduleAnnouncement(int Year, DateTimeOffset At, [property: JsonIgnore] DateTimeOffset AskedAt) : RoundCommand(Year), IDeclaredRefusals
{
    // InvalidInput last: a schedule for the moment already scheduled changes nothing (the mutation's union lists it last anyway).
    public static IReadOnlyList<RefusalCode> Refusals =>
        [RefusalCode.RoundNotFound, RefusalCode.AlreadyAnnounced, RefusalCode.DecisionRequired, RefusalCode.ScheduleInPast, RefusalCode.InvalidInput];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if (Missing(round) is { } missing)
        {
            return missing;
        }

        if (round!.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced.");
        }

        if (round.Decision is null)
        {
            return RoundOutcome.Refuse(RefusalCode.DecisionRequired, $"The jury has not decided the {round.Year} round; record the decision before " +
                "scheduling its announcement.");
        }

        if (At <= AskedAt)
        {
            return RoundOutcome.Refuse(RefusalCode.ScheduleInPast, $"{At:yyyy-MM-dd HH:mm zzz} has passed; schedule the announcement for a moment in the " +
                "future, or announce now.");
        }

        return round.ScheduledAnnouncement == At
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The announcement is already scheduled for {At:yyyy-MM-dd HH:mm zzz}.")
            : RoundOutcome.Accept(new AnnouncementScheduled(round.Year, At));
    }
}

using Kvk.Domain.Rounds;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class ScheduleAnnouncementTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 1, 12, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_schedule_at_the_asking_moment_has_passed_and_a_tick_later_is_due()
    {
        Refused(Decide(Decided, new ScheduleAnnouncement(2025, Now, Now)), RefusalCode.ScheduleInPast);
        Assert.Equal(new AnnouncementScheduled(2025, Now.AddTicks(1)), Accepted<AnnouncementScheduled>(Decide(Decided, new ScheduleAnnouncement(2025,
            Now.AddTicks(1), Now))));
    }

    [Fact]
    public void No_schedule_for_a_round_that_does_not_exist() =>
        Refused(Decide(null, new ScheduleAnnouncement(2025, Now.AddDays(1), Now)), RefusalCode.RoundNotFound);

    [Fact]
    public void The_round_keeps_its_schedule_until_it_is_cancelled()
    {
        var scheduled = Decided.Then(new AnnouncementScheduled(2025, Now.AddDays(1)));

        Assert.Equal(Now.AddDays(1), scheduled.ScheduledAnnouncement);
        Assert.Equal(new AnnouncementScheduled(2025, Now.AddDays(2)), Accepted<AnnouncementScheduled>(Decide(scheduled, new ScheduleAnnouncement(2025,
            Now.AddDays(2), Now))));
        Assert.Null(scheduled.Then(new ScheduledAnnouncementCancelled(2025)).ScheduledAnnouncement);
    }

    [Fact]
    public void Scheduling_again_for_the_same_moment_is_refused_with_a_refusal_the_command_declares()
    {
        var scheduled = Decided.Then(new AnnouncementScheduled(2025, Now.AddDays(1)));

        Refused(Decide(scheduled, new ScheduleAnnouncement(2025, Now.AddDays(1), Now)), RefusalCode.InvalidInput);
        Assert.Contains(RefusalCode.InvalidInput, ScheduleAnnouncement.Refusals);
    }
}

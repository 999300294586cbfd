using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Rounds;

public sealed class AnnouncementScheduleTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
    private const string Habo = "0643";
    private static readonly DateTimeOffset Now = new(2027, 11, 1, 12, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Gala = new(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1));

    private static readonly object[] DecidedEvents =
        [
            new RoundOpened(2027),
            new MunicipalityNominated(2027, Habo),
            new NominationsClosed(2027),
            new JuryDecisionRecorded(2027, Habo, "Habo kommun", "Bra."),
        ];

    private static Round Given(params object[] events) => Round.Fold([.. DecidedEvents, .. events])!;

    private static RoundOutcome Decide(Round? round, RoundCommand command) => RoundRules.Decide(round, command, Municipalities);

    private static void Refused(RoundOutcome outcome, RefusalCode code)
    {
        Assert.Equal(code, outcome.Refusal?.Code);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void An_announcement_now_dated_in_the_future_is_refused() =>
        Refused(Decide(Given(), new AnnounceAward(2027, Gala, AskedAt: Now)), RefusalCode.AnnouncementInFuture);

    [Fact]
    public void An_announcement_now_dated_within_a_minute_of_the_clock_is_accepted() =>
        Assert.Equal(
            [new AwardAnnounced(2027, Habo, "Habo kommun", "Bra.", Now.AddSeconds(30))],
            Decide(Given(), new AnnounceAward(2027, Now.AddSeconds(30), AskedAt: Now)).Events);

    [Fact]
    public void An_announcement_is_scheduled_for_a_moment_after_the_decision() =>
        Assert.Equal([new AnnouncementScheduled(2027, Gala)], Decide(Given(), new ScheduleAnnouncement(2027, Gala, Now)).Events);

    [Fact]
    public void A_schedule_in_the_past_is_refused() => Refused(
        Decide(Given(), new ScheduleAnnouncement(2027, Now.AddMinutes(-1), Now)),
        RefusalCode.ScheduleInPast);

    [Fact]
    public void No_schedule_before_the_decision() =>
        Refused(Decide(Round.Fold(DecidedEvents[..3]), new ScheduleAnnouncement(2027, Gala, Now)), RefusalCode.DecisionRequired);

    [Fact]
    public void A_scheduled_announcement_is_moved_by_scheduling_again()
    {
        var round = Given(new AnnouncementScheduled(2027, Gala), new AnnouncementScheduled(2027, Gala.AddHours(1)));
        Assert.Equal(Gala.AddHours(1), round.ScheduledAnnouncement);
        Refused(Decide(round, new ScheduleAnnouncement(2027, Gala.AddHours(1), Now)), RefusalCode.InvalidInput);
    }

    [Fact]
    public void A_scheduled_announcement_is_cancelled_once()
    {
        var scheduled = Given(new AnnouncementScheduled(2027, Gala));
        Assert.Equal([new ScheduledAnnouncementCancelled(2027)], Decide(scheduled, new CancelScheduledAnnouncement(2027)).Events);
        var cancelled = Given(new AnnouncementScheduled(2027, Gala), new ScheduledAnnouncementCancelled(2027));
        Assert.Null(cancelled.ScheduledAnnouncement);
        Refused(Decide(cancelled, new CancelScheduledAnnouncement(2027)), RefusalCode.NotScheduled);
    }

    [Fact]
    public void The_announcement_ends_the_schedule_and_happens_only_once()
    {
        var due = Given(new AnnouncementScheduled(2027, Gala));
        var announced = Decide(due, new AnnounceAward(2027, Gala, AskedAt: Gala));
        Assert.Equal([new AwardAnnounced(2027, Habo, "Habo kommun", "Bra.", Gala)], announced.Events);
        var after = Given([new AnnouncementScheduled(2027, Gala), .. announced.Events]);
        Assert.Null(after.ScheduledAnnouncement);
        Refused(Decide(after, new AnnounceAward(2027, Gala, AskedAt: Gala)), RefusalCode.AlreadyAnnounced);
        Refused(Decide(after, new ScheduleAnnouncement(2027, Gala.AddDays(1), Gala)), RefusalCode.AlreadyAnnounced);
        Refused(Decide(after, new CancelScheduledAnnouncement(2027)), RefusalCode.AlreadyAnnounced);
    }
}

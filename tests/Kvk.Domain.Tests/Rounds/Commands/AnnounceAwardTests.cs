using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class AnnounceAwardTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 18, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_announcement_records_its_source_as_the_announcements()
    {
        var announced = Accepted<AwardAnnounced>(Decide(Decided, new AnnounceAward(2025, Now, ValidSource, Now)));

        Assert.Equal((Habo, "Habo kommun", "Bra.", (DateTimeOffset?)Now), (announced.MunicipalityCode, announced.RecipientName, announced.Motivation,
            announced.AnnouncedAt));
        Assert.Equal(Recorded(SourceSupports.Announcement), announced.Sources);
    }

    [Fact]
    public void An_announcement_may_be_dated_up_to_the_clock_tolerance_ahead_and_not_a_tick_more()
    {
        Accepted<AwardAnnounced>(Decide(Decided, new AnnounceAward(2025, Now + AnnounceAward.ClockTolerance, AskedAt: Now)));
        Refused(Decide(Decided, new AnnounceAward(2025, Now + AnnounceAward.ClockTolerance + TimeSpan.FromTicks(1), AskedAt: Now)),
            RefusalCode.AnnouncementInFuture);
    }

    [Fact]
    public void Without_a_clock_or_a_date_nothing_is_in_the_future()
    {
        Accepted<AwardAnnounced>(Decide(Decided, new AnnounceAward(2025, Now.AddYears(1))));
        Assert.Null(Accepted<AwardAnnounced>(Decide(Decided, new AnnounceAward(2025, null, AskedAt: Now))).AnnouncedAt);
    }

    [Fact]
    public void An_invalid_source_is_refused_before_the_round_is_looked_up()
    {
        Refused(Decide(Decided, new AnnounceAward(2025, null, InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new AnnounceAward(2025, null, InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new AnnounceAward(2025, null)), RefusalCode.RoundNotFound);
    }
}

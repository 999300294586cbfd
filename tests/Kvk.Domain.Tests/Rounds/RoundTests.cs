using Kvk.Domain.Rounds;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>How a round's events fold into the state the rules decide on.</summary>
public sealed class RoundTests
{
    private static readonly DateTimeOffset Gala = new(2025, 11, 20, 18, 0, 0, TimeSpan.FromHours(1));

    public static TheoryData<object> EveryEventButTheOpening => new()
    {
        new MunicipalityNominated(2025, "0643"),
        new NominationWithdrawn(2025, "0643", "Avböjde."),
        new NominationsClosed(2025),
        new JuryDecisionRecorded(2025, "0643", "Habo kommun", "Bra."),
        new AwardAnnounced(2025, "0643", "Habo kommun", "Bra.", null),
        new AnnouncementScheduled(2025, Gala),
        new ScheduledAnnouncementCancelled(2025),
        new DecisionRevised(2025, "0643", "Habo kommun", "Bäst.", "Skäl."),
        new MotivationCorrected(2025, "Bättre.", "Stavfel."),
        new InternalNoteRecorded(2025, null, "Not."),
    };

    [Theory]
    [MemberData(nameof(EveryEventButTheOpening))]
    public void Before_the_opening_there_is_no_round_whatever_happens(object @event) => Assert.Null(Round.Evolve(null, @event));

    [Fact]
    public void A_round_is_folded_from_its_events_oldest_first()
    {
        var round = Round.Fold([
            new RoundOpened(2025), new MunicipalityNominated(2025, "0643"), new MunicipalityNominated(2025, "1263"), new NominationWithdrawn(2025, "1263",
                "Avböjde."),
            new NominationsClosed(2025), new JuryDecisionRecorded(2025, "0643", "Habo kommun", "Bra."), new AnnouncementScheduled(2025, Gala),
        ])!;

        Assert.Equal((2025, RoundStatus.Decided, (DateTimeOffset?)Gala), (round.Year, round.Status, round.ScheduledAnnouncement));
        Assert.Equal(["0643"], round.Nominees);
        Assert.Equal(new RoundDecision("0643", "Habo kommun", "Bra."), round.Decision);
        Assert.True(round.IsNominated("0643"));
        Assert.False(round.IsNominated("1263"));
    }

    [Fact]
    public void A_correction_without_a_decision_and_an_unknown_event_change_nothing()
    {
        var open = Round.Fold([new RoundOpened(2025)])!;

        Assert.Same(open, Round.Evolve(open, new MotivationCorrected(2025, "Bättre.", "Stavfel.")));
        Assert.Same(open, Round.Evolve(open, new InternalNoteRecorded(2025, null, "Not.")));
    }

    [Fact]
    public void The_announcement_ends_the_schedule()
    {
        var decided = Round.Fold([new RoundOpened(2025), new JuryDecisionRecorded(2025, "0643", "Habo kommun", "Bra."), new AnnouncementScheduled(2025,
            Gala)])!;
        var announced = Round.Evolve(decided, new AwardAnnounced(2025, "0643", "Habo kommun", "Bra.", Gala))!;

        Assert.Equal((RoundStatus.Announced, (DateTimeOffset?)null), (announced.Status, announced.ScheduledAnnouncement));
    }
}

using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Rounds;

public sealed class RoundRulesTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
    private const string Habo = "0643";
    private const string Svedala = "1263";

    private static Round? Given(params object[] events) => Round.Fold(events);

    private static RoundOutcome Decide(Round? round, RoundCommand command) => RoundRules.Decide(round, command, Municipalities);

    private static Round Open => Given(new RoundOpened(2025))!;

    private static Round Nominated => Given(new RoundOpened(2025), new MunicipalityNominated(2025, Habo))!;

    private static Round Decided => Given(
        new RoundOpened(2025),
        new MunicipalityNominated(2025, Habo),
        new NominationsClosed(2025),
        new JuryDecisionRecorded(2025, Habo, "Habo kommun", "Bra."))!;

    private static Round Announced => Given(
        new RoundOpened(2025),
        new MunicipalityNominated(2025, Habo),
        new NominationsClosed(2025),
        new JuryDecisionRecorded(2025, Habo, "Habo kommun", "Bra."),
        new AwardAnnounced(2025, Habo, "Habo kommun", "Bra.", null))!;

    private static void Refused(RoundOutcome outcome, RefusalCode code)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Equal(code, outcome.Refusal!.Code);
        Assert.Empty(outcome.Events);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Refusal.Message));
    }

    [Fact]
    public void A_round_opens_once() =>
        Assert.Equal([new RoundOpened(2025)], Decide(null, new OpenRound(2025)).Events);

    [Fact]
    public void Opening_an_existing_round_is_refused() => Refused(Decide(Open, new OpenRound(2025)), RefusalCode.RoundAlreadyExists);

    [Theory]
    [InlineData(2024)]
    [InlineData(2001)]
    [InlineData(20250)]
    public void A_year_that_is_not_an_award_year_is_refused(int year) => Refused(Decide(null, new OpenRound(year)), RefusalCode.InvalidInput);

    [Fact]
    public void A_command_to_a_round_that_does_not_exist_is_refused() => Refused(Decide(null, new NominateMunicipality(2025, Habo)), RefusalCode.RoundNotFound);

    [Fact]
    public void A_municipality_is_nominated_in_an_open_round() =>
        Assert.Equal([new MunicipalityNominated(2025, Habo)], Decide(Open, new NominateMunicipality(2025, Habo)).Events);

    [Fact]
    public void No_nomination_outside_an_open_round() =>
        Refused(
            Decide(Given(new RoundOpened(2025), new MunicipalityNominated(2025, Habo), new NominationsClosed(2025)), new NominateMunicipality(2025, Svedala)),
            RefusalCode.RoundClosed);

    [Fact]
    public void A_municipality_is_not_nominated_twice() => Refused(Decide(Nominated, new NominateMunicipality(2025, Habo)), RefusalCode.AlreadyNominated);

    [Theory]
    [InlineData("9999")]
    [InlineData("643")]
    [InlineData("")]
    public void An_unknown_municipality_code_is_refused(string code) => Refused(
        Decide(Open, new NominateMunicipality(2025, code)),
        RefusalCode.UnknownMunicipality);

    [Fact]
    public void A_nomination_is_withdrawn_with_a_reason() =>
        Assert.Equal([new NominationWithdrawn(2025, Habo, "Avböjde.")], Decide(Nominated, new WithdrawNomination(2025, Habo, " Avböjde. ")).Events);

    [Fact]
    public void A_withdrawal_needs_a_reason() => Refused(Decide(Nominated, new WithdrawNomination(2025, Habo, "  ")), RefusalCode.InvalidInput);

    [Fact]
    public void Only_a_nominee_can_be_withdrawn() => Refused(Decide(Nominated, new WithdrawNomination(2025, Svedala, "Fel.")), RefusalCode.NotNominated);

    [Fact]
    public void A_decision_for_a_nominee_closes_nominations_and_is_recorded()
    {
        var outcome = Decide(Nominated, new RecordJuryDecision(2025, Habo, "En värdig vinnare.", null));

        Assert.Equal([new NominationsClosed(2025), new JuryDecisionRecorded(2025, Habo, "Habo kommun", "En värdig vinnare.")], outcome.Events);
    }

    [Fact]
    public void No_decision_for_a_municipality_that_is_not_nominated() =>
        Refused(Decide(Nominated, new RecordJuryDecision(2025, Svedala, "Bra.", null)), RefusalCode.NotNominated);

    [Fact]
    public void One_decision_per_round() => Refused(Decide(Decided, new RecordJuryDecision(2025, Habo, "Igen.", null)), RefusalCode.AlreadyDecided);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_decision_needs_a_motivation(string motivation) =>
        Refused(Decide(Nominated, new RecordJuryDecision(2025, Habo, motivation, null)), RefusalCode.InvalidInput);

    [Fact]
    public void A_motivation_over_the_length_limit_is_refused() =>
        Refused(Decide(Nominated, new RecordJuryDecision(2025, Habo, new string('a', RoundRules.MaxMotivationLength + 1), null)), RefusalCode.InvalidInput);

    [Fact]
    public void An_announcement_states_the_decided_award()
    {
        var at = new DateTimeOffset(2025, 11, 20, 18, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal([new AwardAnnounced(2025, Habo, "Habo kommun", "Bra.", at)], Decide(Decided, new AnnounceAward(2025, at)).Events);
    }

    [Fact]
    public void No_announcement_without_a_decision() => Refused(Decide(Nominated, new AnnounceAward(2025, null)), RefusalCode.DecisionRequired);

    [Fact]
    public void No_second_announcement() => Refused(Decide(Announced, new AnnounceAward(2025, null)), RefusalCode.AlreadyAnnounced);

    [Fact]
    public void After_the_announcement_the_decision_is_not_recorded_again() =>
        Refused(Decide(Announced, new RecordJuryDecision(2025, Habo, "Ny.", null)), RefusalCode.AlreadyAnnounced);

    [Fact]
    public void A_published_motivation_is_corrected_by_a_new_event_with_the_reason()
    {
        var outcome = Decide(Announced, new CorrectMotivation(2025, "Mycket bra.", "Stavfel."));

        Assert.Equal([new MotivationCorrected(2025, "Mycket bra.", "Stavfel.")], outcome.Events);
        Assert.Equal("Mycket bra.", outcome.Events.Aggregate((Round?)Announced, Round.Evolve)!.Decision!.Motivation);
    }

    [Fact]
    public void Only_a_published_motivation_can_be_corrected() =>
        Refused(Decide(Decided, new CorrectMotivation(2025, "Mycket bra.", "Stavfel.")), RefusalCode.NotAnnounced);

    [Fact]
    public void A_correction_needs_a_reason() => Refused(Decide(Announced, new CorrectMotivation(2025, "Mycket bra.", null)), RefusalCode.InvalidInput);

    [Fact]
    public void Closing_nominations_needs_a_nominee() => Refused(Decide(Open, new CloseNominations(2025)), RefusalCode.InvalidInput);
}

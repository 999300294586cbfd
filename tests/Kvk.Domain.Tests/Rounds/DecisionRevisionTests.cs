using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Rounds;

public sealed class DecisionRevisionTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
    private const string Habo = "0643";
    private const string Svedala = "1263";
    private const string Kiruna = "2584";

    private static readonly object[] DecidedEvents =
    [
        new RoundOpened(2027), new MunicipalityNominated(2027, Habo), new MunicipalityNominated(2027, Svedala), new MunicipalityNominated(2027, Kiruna),
        new NominationWithdrawn(2027, Kiruna, "Avböjde."), new NominationsClosed(2027), new JuryDecisionRecorded(2027, Habo, "Habo kommun", "Bra arbete."),
    ];

    private static readonly Round Decided = Round.Fold(DecidedEvents)!;

    private static RoundOutcome Decide(Round? round, RoundCommand command) => RoundRules.Decide(round, command, Municipalities);

    private static void Refused(RoundOutcome outcome, RefusalCode code)
    {
        Assert.Equal(code, outcome.Refusal?.Code);
        Assert.Empty(outcome.Events);
    }

    [Fact]
    public void The_motivation_is_revised_and_the_winner_kept() =>
        Assert.Equal(
            [new DecisionRevised(2027, Habo, "Habo kommun", "Mycket bra arbete.", "Stavfel.")],
            Decide(Decided, new ReviseDecision(2027, null, " Mycket bra arbete. ", null, "Stavfel.")).Events);

    [Fact]
    public void Another_standing_nominee_becomes_the_winner_under_its_official_name()
    {
        var outcome = Decide(Decided, new ReviseDecision(2027, Svedala, null, null, "Juryn ändrade sig."));
        var revised = Assert.IsType<DecisionRevised>(Assert.Single(outcome.Events));
        Assert.Equal((Svedala, "Bra arbete."), (revised.MunicipalityCode, revised.Motivation));
        Assert.Equal(Municipalities.Find(Svedala)!.OfficialName, revised.RecipientName);
        Assert.Equal(new RoundDecision(Svedala, revised.RecipientName, "Bra arbete."), Round.Fold([.. DecidedEvents, revised])!.Decision);
    }

    [Fact]
    public void A_withdrawn_nominee_cannot_become_the_winner() => Refused(
        Decide(Decided, new ReviseDecision(2027, Kiruna, null, null, "Fel.")),
        RefusalCode.NotNominated);

    [Fact]
    public void A_revision_needs_a_reason() => Refused(Decide(Decided, new ReviseDecision(2027, null, "Ny.", null, " ")), RefusalCode.InvalidInput);

    [Fact]
    public void A_revision_that_changes_nothing_is_refused() => Refused(
        Decide(Decided, new ReviseDecision(2027, Habo, "Bra arbete.", null, "Ingen.")),
        RefusalCode.InvalidInput);

    [Fact]
    public void No_revision_before_a_decision() =>
        Refused(Decide(Round.Fold(DecidedEvents[..6]), new ReviseDecision(2027, null, "Ny.", null, "Skäl.")), RefusalCode.DecisionRequired);

    [Fact]
    public void No_revision_after_the_announcement() =>
        Refused(
            Decide(
                Round.Fold([.. DecidedEvents, new AwardAnnounced(2027, Habo, "Habo kommun", "Bra arbete.", null)]),
                new ReviseDecision(2027, null, "Ny.", null, "Skäl.")),
            RefusalCode.AlreadyAnnounced);

    [Fact]
    public void The_announcement_publishes_the_revised_decision()
    {
        var revised = Round.Fold([.. DecidedEvents, new DecisionRevised(2027, Svedala, "Svedala kommun", "Bäst.", "Omröstning.")]);
        Assert.Equal([new AwardAnnounced(2027, Svedala, "Svedala kommun", "Bäst.", null)], Decide(revised, new AnnounceAward(2027, null)).Events);
    }

    [Fact]
    public void A_withdrawal_keeps_its_internal_note_beside_the_public_reason()
    {
        var open = Round.Fold(DecidedEvents[..4]);
        Assert.Equal(
            [new NominationWithdrawn(2027, Svedala, "Kommunen avböjde."), new InternalNoteRecorded(2027, Svedala, "Ring kommunchefen.")],
            Decide(open, new WithdrawNomination(2027, Svedala, "Kommunen avböjde.", " Ring kommunchefen. ")).Events);
        Assert.Equal(
            [new NominationWithdrawn(2027, Svedala, "Kommunen avböjde.")],
            Decide(open, new WithdrawNomination(2027, Svedala, "Kommunen avböjde.", "  ")).Events);
    }
}

using Kvk.Domain.Rounds;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class ReviseDecisionTests
{
    [Fact]
    public void The_recipient_name_alone_is_revised_trimmed() =>
        Assert.Equal(
            new DecisionRevised(2025, Habo, "Habo kommunkoncern", "Bra.", "Rätt namn."),
            Accepted<DecisionRevised>(Decide(Decided, new ReviseDecision(2025, null, null, " Habo kommunkoncern ", " Rätt namn. "))));

    [Fact]
    public void Another_winner_is_given_the_recipient_name_the_revision_names() =>
        Assert.Equal(
            new DecisionRevised(2025, Svedala, "Svedala kommunkoncern", "Bra.", "Omröstning."),
            Accepted<DecisionRevised>(Decide(Decided, new ReviseDecision(2025, Svedala, null, "Svedala kommunkoncern", "Omröstning."))));

    [Fact]
    public void The_recorded_winner_named_with_spaces_stays_the_winner_with_its_recipient_name()
    {
        var named = Decided.Then(new DecisionRevised(2025, Habo, "Habo kommunkoncern", "Bra.", "Rätt namn."));

        Assert.Equal(
            new DecisionRevised(2025, Habo, "Habo kommunkoncern", "Bäst.", "Ny text."),
            Accepted<DecisionRevised>(Decide(named, new ReviseDecision(2025, $" {Habo} ", "Bäst.", null, "Ny text."))));
    }

    [Theory]
    [InlineData(" ", null)]
    [InlineData(null, " ")]
    public void A_motivation_or_recipient_name_that_is_given_is_not_blank(string? motivation, string? recipientName) =>
        Refused(Decide(Decided, new ReviseDecision(2025, null, motivation, recipientName, "Skäl.")), RefusalCode.InvalidInput);

    [Fact]
    public void Texts_are_accepted_up_to_their_limits_and_refused_beyond()
    {
        Accepted<DecisionRevised>(Decide(Decided, new ReviseDecision(
            2025, null, Text(RoundRules.MaxMotivationLength), Text(RoundRules.MaxNameLength), Text(RoundRules.MaxReasonLength))));
        Refused(Decide(Decided, new ReviseDecision(2025, null, Text(RoundRules.MaxMotivationLength + 1), null, "Skäl.")), RefusalCode.InvalidInput);
        Refused(Decide(Decided, new ReviseDecision(2025, null, null, Text(RoundRules.MaxNameLength + 1), "Skäl.")), RefusalCode.InvalidInput);
        Refused(Decide(Decided, new ReviseDecision(2025, null, "Bäst.", null, Text(RoundRules.MaxReasonLength + 1))), RefusalCode.InvalidInput);
    }

    [Fact]
    public void Invalid_input_is_refused_before_the_round_is_looked_up()
    {
        Refused(Decide(null, new ReviseDecision(2025, null, " ", null, "Skäl.")), RefusalCode.InvalidInput);
        Refused(Decide(null, new ReviseDecision(2025, null, "Bäst.", null, "Skäl.")), RefusalCode.RoundNotFound);
    }

    [Fact]
    public void An_unknown_municipality_cannot_become_the_winner() =>
        Refused(Decide(Decided, new ReviseDecision(2025, "9999", null, null, "Skäl.")), RefusalCode.UnknownMunicipality);
}

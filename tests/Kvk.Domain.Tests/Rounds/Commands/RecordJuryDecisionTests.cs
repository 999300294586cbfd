using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class RecordJuryDecisionTests
{
    [Fact]
    public void A_decision_records_the_recipient_name_it_is_given_trimmed() =>
        Assert.Equal(
            new JuryDecisionRecorded(2025, Habo, "Habo kommunkoncern", "Bra."),
            Accepted<JuryDecisionRecorded>(Decide(Judging, new RecordJuryDecision(2025, Habo, " Bra. ", " Habo kommunkoncern "))));

    [Fact]
    public void A_decision_while_judging_records_only_the_decision_with_its_source()
    {
        var decided = Accepted<JuryDecisionRecorded>(Decide(Judging, new RecordJuryDecision(2025, Habo, "Bra.", null, ValidSource)));

        Assert.Equal(("Habo kommun", "Bra."), (decided.RecipientName, decided.Motivation));
        Assert.Equal(Recorded(SourceSupports.Decision), decided.Sources);
    }

    [Fact]
    public void Motivation_and_recipient_name_are_accepted_up_to_their_limits_and_refused_beyond()
    {
        var decided = Accepted<JuryDecisionRecorded>(Decide(Judging, new RecordJuryDecision(2025, Habo, Text(RoundRules.MaxMotivationLength),
            Text(RoundRules.MaxNameLength))));

        Assert.Equal((RoundRules.MaxMotivationLength, RoundRules.MaxNameLength), (decided.Motivation.Length, decided.RecipientName.Length));
        Refused(Decide(Judging, new RecordJuryDecision(2025, Habo, Text(RoundRules.MaxMotivationLength + 1), null)), RefusalCode.InvalidInput);
        Refused(Decide(Judging, new RecordJuryDecision(2025, Habo, "Bra.", Text(RoundRules.MaxNameLength + 1))), RefusalCode.InvalidInput);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_recipient_name_that_is_given_is_not_blank(string name) =>
        Refused(Decide(Judging, new RecordJuryDecision(2025, Habo, "Bra.", name)), RefusalCode.InvalidInput);

    [Fact]
    public void Invalid_input_is_refused_before_the_round_is_looked_up()
    {
        Refused(Decide(Judging, new RecordJuryDecision(2025, Habo, "Bra.", null, InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new RecordJuryDecision(2025, Habo, "Bra.", null, InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new RecordJuryDecision(2025, Habo, " ", null)), RefusalCode.InvalidInput);
    }

    [Fact]
    public void No_decision_in_a_round_that_does_not_exist_or_for_an_unknown_municipality()
    {
        Refused(Decide(null, new RecordJuryDecision(2025, Habo, "Bra.", null)), RefusalCode.RoundNotFound);
        Refused(Decide(Judging, new RecordJuryDecision(2025, "9999", "Bra.", null)), RefusalCode.UnknownMunicipality);
    }
}

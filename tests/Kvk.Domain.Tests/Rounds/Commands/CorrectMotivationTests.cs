using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class CorrectMotivationTests
{
    [Fact]
    public void A_correction_records_the_trimmed_text_reason_and_source()
    {
        var corrected = Accepted<MotivationCorrected>(Decide(Announced, new CorrectMotivation(2025, " Bättre. ", " Stavfel. ", ValidSource)));

        Assert.Equal((2025, "Bättre.", "Stavfel."), (corrected.Year, corrected.Motivation, corrected.Reason));
        Assert.Equal(Recorded(SourceSupports.MotivationCorrection), corrected.Sources);
    }

    [Theory]
    [InlineData("Bra.")]
    [InlineData("  Bra. ")]
    public void A_correction_to_the_current_text_is_refused_as_changing_nothing(string motivation)
    {
        var outcome = Decide(Announced, new CorrectMotivation(2025, motivation, "Stavfel."));

        Refused(outcome, RefusalCode.InvalidInput);
        Assert.Contains("identical", outcome.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Motivation_and_reason_are_accepted_up_to_their_limits_and_refused_beyond()
    {
        Accepted<MotivationCorrected>(Decide(Announced, new CorrectMotivation(2025, Text(RoundRules.MaxMotivationLength), Text(RoundRules.MaxReasonLength))));
        Refused(Decide(Announced, new CorrectMotivation(2025, Text(RoundRules.MaxMotivationLength + 1), "Stavfel.")), RefusalCode.InvalidInput);
        Refused(Decide(Announced, new CorrectMotivation(2025, "Bättre.", Text(RoundRules.MaxReasonLength + 1))), RefusalCode.InvalidInput);
    }

    [Fact]
    public void Invalid_input_is_refused_before_the_round_is_looked_up()
    {
        Refused(Decide(Announced, new CorrectMotivation(2025, " ", "Stavfel.")), RefusalCode.InvalidInput);
        Refused(Decide(Announced, new CorrectMotivation(2025, "Bättre.", "Stavfel.", InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new CorrectMotivation(2025, "Bättre.", "Stavfel.", InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new CorrectMotivation(2025, "Bättre.", "Stavfel.")), RefusalCode.RoundNotFound);
    }
}

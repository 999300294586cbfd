using Kvk.Domain.Rounds;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class WithdrawNominationTests
{
    [Fact]
    public void Reason_and_internal_note_are_accepted_up_to_their_limits_and_refused_beyond()
    {
        var outcome = Decide(Nominated, new WithdrawNomination(2025, Habo, Text(RoundRules.MaxReasonLength), Text(RoundRules.MaxReasonLength)));

        Assert.Equal(
            [
                new NominationWithdrawn(2025, Habo, new string('a', RoundRules.MaxReasonLength)),
                new InternalNoteRecorded(2025, Habo, new string('a', RoundRules.MaxReasonLength)),
            ],
            outcome.Events);
        Refused(Decide(Nominated, new WithdrawNomination(2025, Habo, Text(RoundRules.MaxReasonLength + 1))), RefusalCode.InvalidInput);
        Refused(Decide(Nominated, new WithdrawNomination(2025, Habo, "Avböjde.", Text(RoundRules.MaxReasonLength + 1))), RefusalCode.InvalidInput);
    }

    [Fact]
    public void A_withdrawal_after_the_nominations_closed_is_refused() =>
        Refused(Decide(Judging, new WithdrawNomination(2025, Habo, "Avböjde.")), RefusalCode.RoundClosed);

    [Fact]
    public void Invalid_input_is_refused_before_the_round_or_the_municipality_is_looked_up()
    {
        Refused(Decide(null, new WithdrawNomination(2025, Habo, " ")), RefusalCode.InvalidInput);
        Refused(Decide(null, new WithdrawNomination(2025, Habo, "Avböjde.")), RefusalCode.RoundNotFound);
        Refused(Decide(Nominated, new WithdrawNomination(2025, "9999", "Avböjde.")), RefusalCode.UnknownMunicipality);
    }
}

using Kvk.Domain.Rounds;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class CloseNominationsTests
{
    [Fact]
    public void Nominations_with_a_nominee_are_closed_once()
    {
        Assert.Equal(new NominationsClosed(2025), Accepted<NominationsClosed>(Decide(Nominated, new CloseNominations(2025))));
        Refused(Decide(Judging, new CloseNominations(2025)), RefusalCode.RoundClosed);
        Refused(Decide(Decided, new CloseNominations(2025)), RefusalCode.RoundClosed);
    }

    [Fact]
    public void No_closing_in_a_round_that_does_not_exist() => Refused(Decide(null, new CloseNominations(2025)), RefusalCode.RoundNotFound);
}

using Kvk.Domain.Rounds;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class CancelScheduledAnnouncementTests
{
    [Fact]
    public void No_cancellation_in_a_round_that_does_not_exist_or_has_nothing_scheduled()
    {
        Refused(Decide(null, new CancelScheduledAnnouncement(2025)), RefusalCode.RoundNotFound);
        Refused(Decide(Decided, new CancelScheduledAnnouncement(2025)), RefusalCode.NotScheduled);
    }
}

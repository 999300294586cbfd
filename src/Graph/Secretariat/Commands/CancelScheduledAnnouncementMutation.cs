using Kvk.Domain.Rounds;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class CancelScheduledAnnouncementMutation() : SecretariatMutation<CancelScheduledAnnouncementMutation.Input, CancelScheduledAnnouncement>(
    "cancelScheduledAnnouncement", "Cancels the scheduled announcement of a round.", "Cancels the scheduled announcement of a round before it happens; the " +
        "decision stays secret.")
{
    public sealed record Input : SecretariatInput;

    protected override void Fields(SecretariatInputType<Input> input)
    {
    }

    protected override CancelScheduledAnnouncement Command(Input input) => new(input.Year);
}

using Kvk.Domain.Rounds;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class OpenRoundMutation() : SecretariatMutation<OpenRoundMutation.Input, OpenRound>(
    "openRound", "Opens the round of an award year.", "Opens the round of an award year for nominations.")
{
    public sealed record Input : SecretariatInput;

    protected override void Fields(SecretariatInputType<Input> input)
    {
    }

    protected override OpenRound Command(Input input) => new(input.Year);
}

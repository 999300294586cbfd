using Kvk.Domain.Rounds;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class CloseNominationsMutation() : SecretariatMutation<CloseNominationsMutation.Input, CloseNominations>(
    "closeNominations", "Closes the nominations of a round.", "Closes the nominations of a round: the list of nominees is final and the jury reviews them.")
{
    public sealed record Input : SecretariatInput;

    protected override void Fields(SecretariatInputType<Input> input)
    {
    }

    protected override CloseNominations Command(Input input) => new(input.Year);
}

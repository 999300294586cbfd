using Kvk.Domain.Rounds;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class WithdrawNominationMutation() : SecretariatMutation<WithdrawNominationMutation.Input, WithdrawNomination>(
    "withdrawNomination",
    "Withdraws a nomination, with the reason, while nominations are open.",
    "Withdraws a nomination while the round is open for nominations; the nomination stays in the record with the reason.")
{
    public sealed record Input : SecretariatInput
    {
        public required string MunicipalityCode { get; init; }

        public required string Reason { get; init; }

        public string? InternalNote { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input)
    {
        input.Field(x => x.MunicipalityCode).Description("The 4-digit code of the municipality whose nomination is withdrawn.");
        input.Field(x => x.Reason).Description("Why the nomination is withdrawn; not empty, at most 1000 characters. Public: it is shown in the round's " +
            "history and in the downloads.");
        input.Field(x => x.InternalNote, nullable: true).Description("An optional note for the secretariat only, kept beside the withdrawal (at most 1000 " +
            "characters); never shown publicly.");
    }

    protected override WithdrawNomination Command(Input input) => new(input.Year, input.MunicipalityCode.Trim(), input.Reason, input.InternalNote);
}

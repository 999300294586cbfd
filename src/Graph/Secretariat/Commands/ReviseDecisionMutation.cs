using Kvk.Domain.Rounds;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class ReviseDecisionMutation() : SecretariatMutation<ReviseDecisionMutation.Input, ReviseDecision>(
    "reviseDecision",
    "Revises the jury's decision before the announcement; secret like the decision, kept in the history.",
    "Revises the recorded decision before the announcement: another winner among the standing nominees and/or a new motivation, with the reason. Secret " +
        "until the award is announced; the earlier decision stays in the round's history.")
{
    public sealed record Input : SecretariatInput
    {
        public string? MunicipalityCode { get; init; }

        public string? Motivation { get; init; }

        public string? RecipientName { get; init; }

        public required string Reason { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input)
    {
        input.Field(x => x.MunicipalityCode, nullable: true).Description("The winner after the revision (a standing nominee's 4-digit code); omit to keep " +
            "the recorded winner.");
        input.Field(x => x.Motivation, nullable: true).Description("The motivation after the revision, in full; omit to keep the recorded one. At " +
            "most 4000 characters.");
        input.Field(x => x.RecipientName, nullable: true).Description("The recipient's name; omit to keep it (for another winner: its official name).");
        input.Field(x => x.Reason).Description("Why the decision is revised; not empty, at most 1000 characters. Secret until the announcement, public in " +
            "the history after it.");
    }

    protected override ReviseDecision Command(Input input) => new(
        input.Year,
        input.MunicipalityCode?.Trim(),
        input.Motivation,
        input.RecipientName,
        input.Reason);
}

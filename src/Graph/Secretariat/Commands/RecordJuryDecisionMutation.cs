using Kvk.Domain.Rounds;
using Kvk.Graph.Sources;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class RecordJuryDecisionMutation() : SecretariatMutation<RecordJuryDecisionMutation.Input, RecordJuryDecision>(
    "recordJuryDecision",
    "Records the jury's decision and motivation; secret until announced.",
    "Records the jury's decision: the winning nominee and the motivation. Secret until the award is announced. Closes the nominations if they are still open.")
{
    public sealed record Input : SecretariatInput
    {
        public required string MunicipalityCode { get; init; }

        public required string Motivation { get; init; }

        public string? RecipientName { get; init; }

        public SourceInput? Source { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input)
    {
        input.Field(x => x.MunicipalityCode).Description("The 4-digit code of the winning municipality; it must be nominated in the round.");
        input.Field(x => x.Motivation).Description("The jury's motivation (motivering), verbatim; not empty, at most 4000 characters.");
        input.Field(x => x.RecipientName, nullable: true).Description("The name the award is given to, e.g. \"Helsingborgs stad\"; defaults to the " +
            "municipality's official name.");
        input.Field(x => x.Source, type: typeof(SourceInputType)).Description("Where the decision and its motivation are published; served as the " +
            "decision's `sources`.");
    }

    protected override RecordJuryDecision Command(Input input) => new(
        input.Year,
        input.MunicipalityCode.Trim(),
        input.Motivation,
        input.RecipientName,
        SourceInput.ToSource(input.Source));
}

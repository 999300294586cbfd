using Kvk.Domain.Rounds;
using Kvk.Graph.Sources;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class CorrectMotivationMutation() : SecretariatMutation<CorrectMotivationMutation.Input, CorrectMotivation>(
    "correctMotivation",
    "Corrects the motivation of an announced award; the history keeps both texts.",
    "Corrects the published motivation of an announced award; the earlier text stays in the round's history with the reason.")
{
    public sealed record Input : SecretariatInput
    {
        public required string Motivation { get; init; }

        public required string Reason { get; init; }

        public SourceInput? Source { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input)
    {
        input.Field(x => x.Motivation).Description("The corrected motivation, in full; not empty, at most 4000 characters.");
        input.Field(x => x.Reason).Description("Why the motivation is corrected, e.g. \"Stavfel i kommunens namn\"; not empty, at most 1000 characters. " +
            "Public: it is shown in the round's history.");
        input.Field(x => x.Source, type: typeof(SourceInputType)).Description("Where the corrected text is published; added to the award's `sources`.");
    }

    protected override CorrectMotivation Command(Input input) => new(input.Year, input.Motivation, input.Reason, SourceInput.ToSource(input.Source));
}

using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>A published motivation was corrected; the earlier text stays in the stream.</summary>
/// <param name="Sources">Where the corrected text is published, where given.</param>
public sealed record MotivationCorrected(int Year, string Motivation, string Reason, IReadOnlyList<Source>? Sources = null) : IRoundEvent<MotivationCorrected>
{
    public static string StoredName => "motivation_corrected";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Corrected the motivation: {reason}",
            Swedish: "Motiveringen rättades: {reason}",
            English: "The motivation was corrected: {reason}",
            Secretariat: "rättade motiveringen med det offentliga skälet ”{reason}”"),
    };

    /// <summary>A round without a decision has no motivation to correct: it stays as it was.</summary>
    public Round? Evolve(Round? state) => state is { Decision: { } decision } ? state with { Decision = decision with { Motivation = Motivation } } : state;

    public RoundEventFacts Facts() => new() { Motivation = Motivation, Reason = Reason };
}

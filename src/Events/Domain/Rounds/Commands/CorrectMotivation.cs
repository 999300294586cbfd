using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>Corrects the published motivation of an announced award; the earlier text stays in the round's history with the reason.</summary>
/// <param name="Source">Where the corrected text is published, where given.</param>
public sealed record CorrectMotivation(int Year, string Motivation, string? Reason, Source? Source = null) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.InvalidInput, RefusalCode.RoundNotFound, RefusalCode.NotAnnounced];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        var invalid = RoundRules.RequiredText(Motivation, "motivation", RoundRules.MaxMotivationLength)
            ?? RoundRules.RequiredText(Reason, "reason", RoundRules.MaxReasonLength)
            ?? SourceRules.Invalid(Source);
        if ((invalid ?? Missing(round)) is { } refused)
        {
            return refused;
        }

        if (round!.Status != RoundStatus.Announced || round.Decision is null)
        {
            return RoundOutcome.Refuse(RefusalCode.NotAnnounced, $"The {round.Year} award is not announced; only a published motivation can be corrected.");
        }

        return round.Decision.Motivation == Motivation.Trim()
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, "The corrected motivation is identical to the current one.")
            : RoundOutcome.Accept(new MotivationCorrected(
                round.Year,
                Motivation.Trim(),
                Reason!.Trim(),
                SourceRules.Recorded(Source, SourceSupports.MotivationCorrection)));
    }
}

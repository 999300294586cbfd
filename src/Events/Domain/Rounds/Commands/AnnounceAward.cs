using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Announces the award of a decided round: the decision becomes public.</summary>
/// <param name="AnnouncedAt">When the award was announced, where known.</param>
public sealed record AnnounceAward(int Year, DateTimeOffset? AnnouncedAt) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.RoundNotFound, RefusalCode.AlreadyAnnounced, RefusalCode.DecisionRequired];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if (Missing(round) is { } missing)
        {
            return missing;
        }

        if (round!.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced.");
        }

        return round.Decision is { } decision
            ? RoundOutcome.Accept(new AwardAnnounced(round.Year, decision.MunicipalityCode, decision.RecipientName, decision.Motivation, AnnouncedAt))
            : RoundOutcome.Refuse(RefusalCode.DecisionRequired, $"The jury has not decided the {round.Year} round; record the decision before announcing.");
    }
}

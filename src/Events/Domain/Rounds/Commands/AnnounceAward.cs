using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>Announces the award of a decided round: the decision becomes public.</summary>
/// <param name="AnnouncedAt">When the award was announced, where known.</param>
/// <param name="Source">Where the announcement is published (e.g. the press release), where given.</param>
public sealed record AnnounceAward(int Year, DateTimeOffset? AnnouncedAt, Source? Source = null) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.InvalidInput, RefusalCode.RoundNotFound, RefusalCode.AlreadyAnnounced, RefusalCode.DecisionRequired];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if ((SourceRules.Invalid(Source) ?? Missing(round)) is { } refused)
        {
            return refused;
        }

        if (round!.Status == RoundStatus.Announced)
        {
            return RoundOutcome.Refuse(RefusalCode.AlreadyAnnounced, $"The {round.Year} award is already announced.");
        }

        return round.Decision is { } decision
            ? RoundOutcome.Accept(new AwardAnnounced(round.Year, decision.MunicipalityCode, decision.RecipientName, decision.Motivation, AnnouncedAt, SourceRules.Recorded(Source, SourceSupports.Announcement)))
            : RoundOutcome.Refuse(RefusalCode.DecisionRequired, $"The jury has not decided the {round.Year} round; record the decision before announcing.");
    }
}

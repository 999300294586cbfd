using System.Text.Json.Serialization;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>Announces the award of a decided round now: the decision becomes public.</summary>
/// <param name="AnnouncedAt">When the award was announced, where known; not later than <paramref name="AskedAt"/>.</param>
/// <param name="Source">Where the announcement is published (e.g. the press release), where given.</param>
/// <param name="AskedAt">
/// When the announcement was asked for (the recorder's clock), so that a date in the future is refused: an announcement
/// due later is scheduled (<see cref="ScheduleAnnouncement"/>). Null only where no clock applies (the imported history).
/// Not part of the request: a retry asked a second later is the same request.
/// </param>
public sealed record AnnounceAward(
    int Year,
    DateTimeOffset? AnnouncedAt,
    Source? Source = null,
    [property: JsonIgnore] DateTimeOffset? AskedAt = null) : RoundCommand(Year), IDeclaredRefusals
{
    /// <summary>How far a client's clock may run ahead of the server's before a date counts as the future.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<RefusalCode> Refusals => [
        RefusalCode.InvalidInput,
        RefusalCode.RoundNotFound,
        RefusalCode.AlreadyAnnounced,
        RefusalCode.DecisionRequired,
        RefusalCode.AnnouncementInFuture,
    ];

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

        if (AnnouncedAt is { } at && AskedAt is { } now && at > now + ClockTolerance)
        {
            return RoundOutcome.Refuse(RefusalCode.AnnouncementInFuture,
                $"An announcement now cannot be dated {at:yyyy-MM-dd HH:mm zzz}, in the future: nothing was published. To publish the award at that moment, " +
                    "schedule the announcement (scheduleAnnouncement).");
        }

        return round.Decision is { } decision
            ? RoundOutcome.Accept(new AwardAnnounced(
                round.Year,
                decision.MunicipalityCode,
                decision.RecipientName,
                decision.Motivation,
                AnnouncedAt,
                SourceRules.Recorded(Source, SourceSupports.Announcement)))
            : RoundOutcome.Refuse(RefusalCode.DecisionRequired, $"The jury has not decided the {round.Year} round; record the decision before announcing.");
    }
}

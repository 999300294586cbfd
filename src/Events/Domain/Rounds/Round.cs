using System.Collections.Immutable;

namespace Kvk.Domain.Rounds;

/// <summary>The decided winner of a round as the rules need it.</summary>
public sealed record RoundDecision(string MunicipalityCode, string RecipientName, string Motivation);

/// <summary>
/// The state of one round folded from its events: what the rules need to decide the next command,
/// nothing more. The read model has its own, richer documents.
/// </summary>
public sealed record Round(
    int Year,
    RoundStatus Status,
    ImmutableList<string> Nominees,
    RoundDecision? Decision,
    DateTimeOffset? ScheduledAnnouncement = null)
{
    public bool IsNominated(string municipalityCode) => Nominees.Contains(municipalityCode);

    /// <summary>Folds events, oldest first, into the state; <c>null</c> before the round was opened.</summary>
    public static Round? Fold(IEnumerable<object> events) => events.Aggregate((Round?)null, Evolve);

    public static Round? Evolve(Round? state, object @event) => @event switch
    {
        RoundOpened e => new Round(e.Year, RoundStatus.Nominating, [], null),
        MunicipalityNominated e when state is not null => state with { Nominees = state.Nominees.Add(e.MunicipalityCode) },
        NominationWithdrawn e when state is not null => state with { Nominees = state.Nominees.Remove(e.MunicipalityCode) },
        NominationsClosed when state is not null => state with { Status = RoundStatus.Judging },
        JuryDecisionRecorded e when state is not null => state with
        {
            Status = RoundStatus.Decided,
            Decision = new RoundDecision(e.MunicipalityCode, e.RecipientName, e.Motivation),
        },
        AwardAnnounced when state is not null => state with { Status = RoundStatus.Announced, ScheduledAnnouncement = null },
        AnnouncementScheduled e when state is not null => state with { ScheduledAnnouncement = e.At },
        ScheduledAnnouncementCancelled when state is not null => state with { ScheduledAnnouncement = null },
        DecisionRevised e when state is not null => state with { Decision = new RoundDecision(e.MunicipalityCode, e.RecipientName, e.Motivation) },
        MotivationCorrected e when state is { Decision: not null } => state with { Decision = state.Decision with { Motivation = e.Motivation } },
        _ => state,
    };
}

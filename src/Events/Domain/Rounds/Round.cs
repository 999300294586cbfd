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

    /// <summary>The state after one event: the event's own fold (each declared in its file under <c>Events/</c>).</summary>
    public static Round? Evolve(Round? state, object @event) =>
        @event is IRoundEvent fact ? fact.Evolve(state) : throw new ArgumentException($"{@event.GetType().Name} is no round event.", nameof(@event));
}

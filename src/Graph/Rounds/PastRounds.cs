using System.Runtime.CompilerServices;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

/// <summary>
/// The views of the rounds an operation asked for at an earlier version or moment (time travel), folded together from
/// the same events: the fields under such a round (its nominees, its award, and their round) answer from that same past,
/// never from today's documents. One per operation.
/// </summary>
public sealed class PastRounds
{
    private readonly ConditionalWeakTable<object, RoundViews> _views = [];

    /// <returns>The past round, its views remembered for the fields under it.</returns>
    public RoundView? Remember(RoundViews views)
    {
        foreach (var view in new object?[] { views.Round, views.Award }.Concat(views.Nominations).OfType<object>())
        {
            _views.AddOrUpdate(view, views);
        }

        return views.Round;
    }

    /// <summary>The past views a round, award or nomination of this operation was folded with; null for a current document.</summary>
    public RoundViews? Of(object view) => _views.TryGetValue(view, out var views) ? views : null;
}

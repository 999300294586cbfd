using Kvk.Domain.Rounds;
using Marten;

namespace Kvk.Storage.Rounds;

/// <summary>
/// A round as it stood at a version of its stream or at a moment, folded from the stored events by the
/// same projection that builds the current document: the past is computed, never copied.
/// </summary>
public static class RoundTimeTravel
{
    private static readonly RoundViewProjection Projection = new();

    public static async Task<RoundView?> AsOfAsync(IQuerySession session, int year, long? version, DateTimeOffset? timestamp, CancellationToken cancellationToken)
    {
        var key = AwardYear.StreamKey(year);
        var events = await session.Events.FetchStreamAsync(key, version ?? 0, timestamp?.ToUniversalTime(), token: cancellationToken);
        return events.Aggregate((RoundView?)null, (view, e) => Projection.Evolve(view, key, e));
    }
}

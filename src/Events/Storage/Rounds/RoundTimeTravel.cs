using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Marten;

namespace Kvk.Storage.Rounds;

/// <summary>
/// A round as it stood at a version of its stream or at a moment of recording: every view of it (the round, its
/// award, its nominations) folded from the stored events up to then by the projections' own code
/// (<see cref="RoundViews.Fold"/>). The past is computed, never copied.
/// </summary>
public static class RoundTimeTravel
{
    /// <returns>Null when the round did not exist yet at that version or moment.</returns>
    public static async Task<RoundViews?> AsOfAsync(
        IQuerySession session,
        MunicipalityDirectory municipalities,
        int year,
        long? version,
        DateTimeOffset? timestamp,
        CancellationToken cancellationToken)
    {
        var key = AwardYear.StreamKey(year);
        var events = await session.Events.FetchStreamAsync(key, version ?? 0, timestamp?.ToUniversalTime(), token: cancellationToken);
        var views = RoundViews.Fold(key, events, municipalities);
        return views.Round is null ? null : views;
    }
}

using JasperFx.Events;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;
using Marten;

namespace Kvk.Graph.Rounds;

/// <summary>How rounds and their events are loaded in batches.</summary>
public static class RoundLoaders
{
    public static readonly LoaderKind<int, RoundView?> ByYear = ViewLoaders.One<int, RoundView>(
        ViewTables.Rounds,
        ViewTables.MainProgramme,
        "year",
        "int",
        r => r.Year);

    /// <summary>The stored events of rounds by year, oldest first, through Marten's event API on the operation's read route.</summary>
    public static readonly LoaderKind<int, IReadOnlyList<IEvent>> EventsByYear = new(async (services, years, ct) =>
    {
        await using var routed = await RoutedSession.OpenAsync(services, ct);
        var session = routed.Session;
        var yearOf = years.ToDictionary(AwardYear.StreamKey);
        var keys = yearOf.Keys.ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(keys)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.GroupBy(e => yearOf[e.StreamKey!]).ToDictionary(g => g.Key, g => (IReadOnlyList<IEvent>)[.. g]);
    }, []);
}

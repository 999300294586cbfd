using System.Globalization;
using Kvk.Domain.PublicLog;
using Kvk.Graph.Engine.Reading;
using Kvk.Storage.PublicLog;
using Kvk.Storage.Store;

namespace Kvk.Graph.PublicLog;

/// <summary>One entry of the public log as it is served: its position, canonical text, hash and line.</summary>
public sealed record PublicLogLine(long Position, string Canonical, string Hash, string Line);

/// <summary>
/// A page of the public log, read where the operation reads (<see cref="ReadStore"/>), as <c>GET /events</c> and
/// <c>changes</c> serve it. A sealed decision is served with what it sealed (its stored data and salt) only when its
/// round's award is announced, as the read model says in the same statement; before that nothing of the decision is
/// read at all.
/// </summary>
public static class PublicLogPage
{
    /// <summary>The entries after <paramref name="after"/>, at most <paramref name="limit"/>, and whether more follow.</summary>
    public static async Task<(IReadOnlyList<PublicLogLine> Lines, bool More)> ReadAsync(
        ReadStore store,
        long after,
        int limit,
        CancellationToken cancellationToken)
    {
        var rows = await store.ValuesAsync(
            $"""
            select l.position::text, l.canonical, l.hash, e.data::text, {PublicLogWriter.StoredSalt("e")}
            from {PublicLogTable.Name} l
            left join {KvkStoreOptions.SchemaName}.mt_events e on e.seq_id = l.sequence and e.type = any($3) and exists (
                select 1 from {ViewTables.Rounds} r
                where {ViewTables.ServedProgramme("r")} and r.year = l.round and r.data->>'status' = 'Announced')
            where l.position > $1 order by l.position limit $2
            """,
            [after, limit + 1, PublicLogWriter.Sealed],
            cancellationToken);
        var lines = rows.Take(limit)
            .Select(r => new PublicLogLine(long.Parse(r[0]!, CultureInfo.InvariantCulture), r[1]!, r[2]!, PublicLogEntry.Line(r[1]!, r[2]!, r[3], r[4])))
            .ToList();
        return (lines, rows.Count > limit);
    }

    /// <summary>The hash of the entry at <paramref name="position"/>; null when the log has none there.</summary>
    public static async Task<string?> HashAtAsync(ReadStore store, long position, CancellationToken cancellationToken) =>
        (await store.ValuesAsync($"select hash from {PublicLogTable.Name} where position = $1", [position], cancellationToken)) is [var row] ? row[0] : null;
}

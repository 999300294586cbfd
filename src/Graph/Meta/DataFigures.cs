using System.Globalization;
using System.Text.Json;
using Kvk.Domain.PublicLog;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Storage.PublicLog;

namespace Kvk.Graph.Meta;

/// <summary>
/// How much of the record is public, read from the head of the public log: the number of its entries, the data version
/// that names it (its last position and the start of its last hash, <see cref="PublicLogHash.DataVersion"/>) and when
/// its last entry was recorded. The version changes with every public fact and only then (a secretariat-only note
/// changes nothing here), it is the same on every install that holds the same record, and it names its content: a
/// citation that names it names exactly what was cited, and anyone can check a copy against it.
/// </summary>
public sealed record DataFigures(long EventCount, string DataVersion, DateTimeOffset? LastRecordedAt)
{
    private const string CacheKey = "meta\nfigures";

    /// <summary>
    /// The figures as the response cache keeps them: until something is recorded. Every download page asks them, and
    /// counting the events is a scan of the event table (tens of milliseconds at a million events).
    /// </summary>
    public static async Task<DataFigures> ReadAsync(ReadStore store, ResponseCache cache, CancellationToken cancellationToken)
    {
        if (cache.TryGet(CacheKey, out var cached))
        {
            return JsonSerializer.Deserialize<DataFigures>(cached.Body)!;
        }

        var generation = cache.Generation;
        var figures = await ReadAsync(store, cancellationToken);
        cache.Store(CacheKey, new CachedResponse(200, "application/json", JsonSerializer.SerializeToUtf8Bytes(figures)), generation);
        return figures;
    }

    private static async Task<DataFigures> ReadAsync(ReadStore store, CancellationToken cancellationToken)
    {
        // Positions have no gaps: the last one is the number of entries.
        var rows = await store.ValuesAsync(
            $"select l.position::text, l.hash, l.canonical::jsonb->>'recordedAt' from {PublicLogTable.Name} l order by l.position desc limit 1",
            [],
            cancellationToken);
        if (rows is not [var head])
        {
            return new DataFigures(0, PublicLogHash.EmptyVersion, null);
        }

        var position = long.Parse(head[0]!, CultureInfo.InvariantCulture);
        return new DataFigures(
            position,
            PublicLogHash.DataVersion(position, head[1]!),
            DateTimeOffset.Parse(head[2]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
    }
}

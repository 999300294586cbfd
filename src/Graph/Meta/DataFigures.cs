using System.Globalization;
using System.Text.Json;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Storage.Store;

namespace Kvk.Graph.Meta;

/// <summary>
/// How much has been recorded: the number of events, the last one's sequence and when it was recorded. The data
/// version is the last sequence: it changes with every recorded fact and only then, so a citation that names it
/// names exactly what was cited.
/// </summary>
public sealed record DataFigures(long EventCount, long LastSequence, DateTimeOffset? LastRecordedAt)
{
    public string DataVersion => string.Create(CultureInfo.InvariantCulture, $"v{LastSequence}");

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
        var row = (await store.ValuesAsync(
            "select count(*)::text, coalesce(max(seq_id), 0)::text, to_char(max(timestamp) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from " +
                $"{KvkStoreOptions.SchemaName}.mt_events",
            [],
            cancellationToken))[0];
        return new DataFigures(
            long.Parse(row[0]!, CultureInfo.InvariantCulture),
            long.Parse(row[1]!, CultureInfo.InvariantCulture),
            row[2] is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null);
    }
}

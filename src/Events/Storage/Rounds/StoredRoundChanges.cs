using Kvk.Domain.Rounds;
using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Storage.Rounds;

/// <summary>
/// What the event store holds past a sequence, for a host that checks it heard of every change: the store's last
/// sequence (one look at the end of <c>mt_events</c>' primary key), and the rounds changed after a sequence, as the
/// notices of their transactions would have told them.
/// </summary>
public static class StoredRoundChanges
{
    private const string Events = KvkStoreOptions.SchemaName + ".mt_events";

    /// <summary>The sequence of the last event stored; 0 for an empty store.</summary>
    public static async Task<long> LatestSequenceAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {Events}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Each main-programme round with events after <paramref name="sequence"/>: its version after them, their kinds, the last one's sequence.</summary>
    public static async Task<IReadOnlyList<RoundChangeNotice>> AfterAsync(NpgsqlDataSource dataSource, long sequence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select stream_id, max(version), array_agg(type order by seq_id), max(seq_id) from {Events} where seq_id > $1 " +
                "group by stream_id order by max(seq_id)");
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        var changes = new List<RoundChangeNotice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (RoundChangeNotice.YearOf(reader.GetString(0)) is { } year)
            {
                var kinds = reader.GetFieldValue<string[]>(2).Select(t => RoundEventCatalogue.Named(t)?.Type.Name ?? t);
                changes.Add(new RoundChangeNotice(year, reader.GetInt64(1), [.. kinds], reader.GetInt64(3)));
            }
        }

        return changes;
    }
}

using System.Globalization;
using Kvk.Domain.PublicLog;
using Kvk.Domain.Rounds;
using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Storage.PublicLog;

/// <summary>
/// Chains stored events into the public log (<see cref="PublicLogTable"/>): in the transaction that appended them
/// (<see cref="ChainAsync"/>), or, at a host's start, every event no transaction chained (<see cref="CatchUpAsync"/>:
/// a store written before the log existed). Both hold one advisory lock until their transaction commits, so positions
/// follow each other without gaps in the order of the commits, however many rounds are written at once. Both read the
/// events back from <c>mt_events</c>, so an entry states exactly what is stored. Only the main programme's streams are
/// chained (a synthetic programme's key holds a '/'); a secretariat-only event never is; a decision or revision is
/// chained sealed, under its salt.
/// </summary>
public static class PublicLogWriter
{
    /// <summary>
    /// Takes the advisory lock of the log's head until the transaction ends: key 0x4B766B504C, "KvkPL" (the one-key form,
    /// apart from the scheduler's two-key locks).
    /// </summary>
    public const string Lock = "select pg_advisory_xact_lock(324109291596)";

    /// <summary>The event header that holds a decision's salt.</summary>
    public const string SaltHeader = "salt";

    /// <summary>
    /// The salt of a stored event, as SQL over the <c>mt_events</c> row <paramref name="alias"/>: its header; a decision
    /// recorded before decisions had salts is sealed with its id (the "D" form, as PostgreSQL writes a uuid), which the
    /// entry publishes: such a seal proves the decision unchanged, but does not hide it from one who guesses it whole.
    /// </summary>
    public static string StoredSalt(string alias) => $"coalesce({alias}.headers->>'{SaltHeader}', {alias}.id::text)";

    /// <summary>The stored names of the events chained sealed: the decision and its revisions.</summary>
    public static readonly string[] Sealed = Names(RoundEventDisclosure.SecretUntilAnnounced);

    /// <summary>Whether a round event is chained sealed, and so needs a salt.</summary>
    public static bool IsSealed(object roundEvent) => RoundEventCatalogue.Of(roundEvent).Telling.Disclosure == RoundEventDisclosure.SecretUntilAnnounced;

    private static readonly string[] Chained = [.. Names(RoundEventDisclosure.Public), .. Sealed];

    /// <summary>Chains the events of these sequences, appended in <paramref name="transaction"/>, before it commits.</summary>
    public static Task<int> ChainAsync(NpgsqlTransaction transaction, IReadOnlyList<long> sequences, CancellationToken cancellationToken) =>
        sequences.Count == 0
            ? Task.FromResult(0)
            : ChainWhereAsync(transaction, "e.seq_id = any($3)", [sequences.ToArray()], cancellationToken);

    /// <summary>Chains, in the order of their sequences, every event of the main programme that is not chained yet.</summary>
    /// <returns>How many entries it added.</returns>
    public static async Task<int> CatchUpAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await ChainWhereAsync(transaction, "true", [], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private static async Task<int> ChainWhereAsync(NpgsqlTransaction transaction, string condition, object[] parameters, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await using (var locking = new NpgsqlCommand(Lock, connection, transaction))
        {
            await locking.ExecuteNonQueryAsync(cancellationToken);
        }

        var (position, previous) = await HeadAsync(transaction, cancellationToken);
        var entries = await UnchainedAsync(transaction, condition, parameters, cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        var rows = new List<(long Position, long Sequence, int Round, string Canonical, string Hash)>(entries.Count);
        foreach (var (sequence, entry) in entries)
        {
            var (canonical, hash) = entry.Chain(++position, previous);
            rows.Add((position, sequence, entry.Round, canonical, hash));
            previous = hash;
        }

        await using var insert = new NpgsqlCommand(
            $"insert into {PublicLogTable.Name} (position, sequence, round, canonical, hash) " +
                "select * from unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[])",
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Position).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Sequence).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Round).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Canonical).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Hash).ToArray() });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>The last position and hash; 0 and <see cref="PublicLogHash.Genesis"/> for an empty log.</summary>
    private static async Task<(long Position, string Hash)> HeadAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select position, hash from {PublicLogTable.Name} order by position desc limit 1", transaction.Connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, PublicLogHash.Genesis);
    }

    /// <summary>
    /// The stored events that <paramref name="condition"/> selects and no entry states yet, as entries. A sealed entry's
    /// revision counts the round's decisions and revisions up to it, so it is the same whenever it is chained.
    /// </summary>
    private static async Task<List<(long Sequence, PublicLogEntry Entry)>> UnchainedAsync(
        NpgsqlTransaction transaction,
        string condition,
        object[] parameters,
        CancellationToken cancellationToken)
    {
        const string Events = KvkStoreOptions.SchemaName + ".mt_events";
        await using var command = new NpgsqlCommand(
            $"""
            select e.seq_id, e.id, e.stream_id, e.version, e.type, e.timestamp, e.user_name, e.data::text, {StoredSalt("e")},
                (select count(*) from {Events} s where s.stream_id = e.stream_id and s.version <= e.version and s.type = any($1))::int
            from {Events} e
            where {condition} and position('/' in e.stream_id) = 0 and e.type = any($2)
                and not exists (select 1 from {PublicLogTable.Name} l where l.sequence = e.seq_id)
            order by e.seq_id
            """,
            transaction.Connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Sealed });
        command.Parameters.Add(new NpgsqlParameter { Value = Chained });
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var entries = new List<(long, PublicLogEntry)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(4);
            var data = reader.GetString(7);
            var seal = Sealed.Contains(type) ? new PublicLogSeal(PublicLogEntry.SealOf(reader.GetString(8), data), reader.GetInt32(9)) : null;
            entries.Add((reader.GetInt64(0), new PublicLogEntry(
                reader.GetGuid(1),
                RoundOf(reader.GetString(2)),
                reader.GetInt64(3),
                type,
                reader.GetFieldValue<DateTimeOffset>(5),
                PublicLogActors.RoleOf(reader.IsDBNull(6) ? null : reader.GetString(6)),
                seal is null ? data : null,
                seal)));
        }

        return entries;
    }

    /// <summary>The year of a main-programme stream, "round-2023".</summary>
    private static int RoundOf(string streamKey) => int.Parse(streamKey.AsSpan(streamKey.LastIndexOf('-') + 1), CultureInfo.InvariantCulture);

    // An event kind not in the catalogue is never chained: the log holds only what is declared public or sealed.
    private static string[] Names(RoundEventDisclosure disclosure) =>
        [.. RoundEventCatalogue.All.Where(k => k.Telling.Disclosure == disclosure).Select(k => k.StoredName)];
}

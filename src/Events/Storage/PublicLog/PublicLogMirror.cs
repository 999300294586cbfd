using System.Globalization;
using System.Text.Json.Nodes;
using Kvk.Domain.PublicLog;
using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;
using Marten;
using Marten.Services;
using Npgsql;

namespace Kvk.Storage.PublicLog;

/// <summary>What a mirror run did.</summary>
/// <param name="Added">Entries new to this store.</param>
/// <param name="Applied">Events recorded into this store's rounds (a sealed decision only once it is revealed).</param>
/// <param name="Held">Entries kept in the log but not yet recorded: a sealed decision not yet announced, and what follows it in its round.</param>
public sealed record MirrorOutcome(string DataVersion, int Added, int Applied, int Held);

/// <summary>The source's log does not continue this store's: it was rewritten, or this store holds another record.</summary>
public sealed class MirrorRefusedException(string message) : Exception(message);

/// <summary>
/// Makes this store a copy of another Kvk's public record: it checks the source's whole log (<see cref="PublicLogChain"/>),
/// keeps each entry as it was served, so that this store names the same data version, and records each public event into
/// its round with the same id, time and data, so that its pages, downloads and API answer as the source's do. A sealed
/// decision is recorded when the source reveals it (at the announcement); until then the round's later events wait with
/// it, since a round's events are recorded in their order. Every host serving this store hears of each round it changed
/// (<see cref="RoundChangeNotice"/>) when, and only when, the copy commits.
/// </summary>
public sealed class PublicLogMirror(IDocumentStore store, NpgsqlDataSource dataSource)
{
    public const string Actor = "mirror";

    public async Task<MirrorOutcome> ApplyAsync(IAsyncEnumerable<string> lines, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(transaction, PublicLogWriter.Lock, [], cancellationToken);
        var local = await LocalEntriesAsync(transaction, cancellationToken);
        var chain = new PublicLogChain();
        var heldRounds = new HashSet<int>();
        var (added, applied, held) = (0, 0, 0);
        var changed = new Dictionary<int, RoundChangeNotice>();
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (chain.Add(line) is { } fault)
            {
                throw new MirrorRefusedException($"The source's log does not verify at {fault}.");
            }

            var entry = JsonNode.Parse(line)!.AsObject();
            var round = entry["round"]!.GetValue<int>();
            var isNew = !local.TryGetValue(chain.Position, out var known);
            if (!isNew && known.Hash != chain.Head)
            {
                throw new MirrorRefusedException(
                    $"Entry {chain.Position} of the source differs from this store's: the source's log was rewritten, or this store holds another record.");
            }

            if (isNew)
            {
                await ExecuteAsync(
                    transaction,
                    $"insert into {PublicLogTable.Name} (position, sequence, round, canonical, hash) values ($1, null, $2, $3, $4)",
                    [chain.Position, round, CanonicalOf(entry), chain.Head],
                    cancellationToken);
                added++;
            }

            if (!isNew && known.Applied)
            {
                continue;
            }

            if (heldRounds.Contains(round) || Recordable(entry) is not { } recordable)
            {
                heldRounds.Add(round);
                held++;
                continue;
            }

            var (sequence, version, kind) = await RecordAsync(transaction, round, entry, recordable, cancellationToken);
            changed[round] = new RoundChangeNotice(round, version, [.. changed.GetValueOrDefault(round)?.EventKinds ?? [], kind], sequence);
            await ExecuteAsync(
                transaction, $"update {PublicLogTable.Name} set sequence = $2 where position = $1", [chain.Position, sequence], cancellationToken);
            applied++;
        }

        if (chain.Position < local.Count)
        {
            throw new MirrorRefusedException($"This store holds {local.Count} entries and the source only {chain.Position}: it holds another record.");
        }

        await RoundChangeNotice.SendAsync(transaction, [.. changed.Values], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MirrorOutcome(chain.DataVersion, added, applied, held);
    }

    /// <summary>The event's data and salt when the entry can be recorded; null for a sealed decision not yet revealed.</summary>
    private static (JsonNode Data, string? Salt)? Recordable(JsonObject entry) => entry[PublicLogFields.Sealed] is null
        ? (entry[PublicLogFields.Data]!, null)
        : entry[PublicLogFields.Revealed] is { } revealed ? (revealed[PublicLogFields.Data]!, revealed[PublicLogFields.Salt]!.GetValue<string>()) : null;

    /// <returns>The event's sequence and version here, and its kind's type name.</returns>
    private async Task<(long Sequence, long Version, string Kind)> RecordAsync(
        NpgsqlTransaction transaction,
        int round,
        JsonObject entry,
        (JsonNode Data, string? Salt) recordable,
        CancellationToken cancellationToken)
    {
        var type = entry[PublicLogFields.Type]!.GetValue<string>();
        var kind = RoundEventCatalogue.Named(type) ?? throw new MirrorRefusedException($"The source's log names an event this Kvk does not know: {type}.");
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
        session.LastModifiedBy = $"{Actor}: {entry["actor"]!.GetValue<string>()}";
        var data = store.Options.Serializer().FromJson(kind.Type, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(recordable.Data.ToJsonString())));
        var action = session.Events.Append(AwardYear.StreamKey(round), data);
        var stored = action.Events[0];
        stored.Id = Guid.Parse(entry["id"]!.GetValue<string>());
        stored.Timestamp = DateTimeOffset.Parse(entry["recordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if (recordable.Salt is { } salt)
        {
            stored.SetHeader(PublicLogFields.Salt, salt);
        }

        await session.SaveChangesAsync(cancellationToken);
        return (stored.Sequence, stored.Version, kind.Type.Name);
    }

    /// <summary>The entry as it was chained: the line without what is served beside it.</summary>
    private static string CanonicalOf(JsonObject line)
    {
        var entry = line.DeepClone().AsObject();
        entry.Remove(PublicLogFields.Hash);
        entry.Remove(PublicLogFields.Revealed);
        return CanonicalJson.Of(entry.ToJsonString());
    }

    /// <summary>This store's entries by position: their hash and whether their event is recorded here.</summary>
    private static async Task<Dictionary<long, (string Hash, bool Applied)>> LocalEntriesAsync(
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select position, hash, sequence is not null from {PublicLogTable.Name}", transaction.Connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new Dictionary<long, (string, bool)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries[reader.GetInt64(0)] = (reader.GetString(1), reader.GetBoolean(2));
        }

        return entries;
    }

    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

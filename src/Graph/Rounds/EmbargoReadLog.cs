using GraphQL;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Schema;
using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Graph.Rounds;

/// <summary>A press read that returned a decision before its announcement: who, which round, when, in which operation.</summary>
public sealed record EmbargoRead(string CredentialName, int Year, DateTimeOffset ReadAt, string Operation);

/// <summary>
/// The log of the press's reads under embargo (<see cref="Table"/>): every operation in which a press credential got a
/// round's decision before its announcement is written, once per round, before the decision is answered, so that no
/// read goes unlogged (a failed write fails the field, not the log). The secretariat reads it through the API.
/// One per operation (a scoped service).
/// </summary>
public sealed class EmbargoReadLog(NpgsqlDataSource dataSource)
{
    public const string Table = KvkStoreOptions.SchemaName + ".embargo_reads";

    /// <summary>The most entries the API answers at once, newest first.</summary>
    public const int MaxEntries = 500;

    private readonly Dictionary<int, Task> _written = [];
    private readonly Lock _gate = new();

    /// <summary>Writes that the operation's press user read round <paramref name="year"/>'s undisclosed decision (once per round and operation).</summary>
    public Task RecordAsync(IResolveFieldContext context, int year)
    {
        lock (_gate)
        {
            if (!_written.TryGetValue(year, out var written))
            {
                written = WriteAsync(context, year);
                _written[year] = written;
            }

            return written;
        }
    }

    private async Task WriteAsync(IResolveFieldContext context, int year)
    {
        var operation = context.Operation.Name?.StringValue ?? context.Operation.Operation.ToString().ToLowerInvariant();
        await using var command = dataSource.CreateCommand($"insert into {Table} (credential_id, credential_name, year, operation) values ($1, $2, $3, $4)");
        command.Parameters.AddWithValue(Guid.TryParse(context.User?.FindFirst(Viewer.CredentialClaim)?.Value, out var id) ? id : DBNull.Value);
        command.Parameters.AddWithValue(context.User?.Identity?.Name ?? "");
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(LogValue.Safe(operation));
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>The reads of one round (or of all), newest first.</summary>
    public async Task<IReadOnlyList<EmbargoRead>> ReadAsync(int? year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select credential_name, year, read_at, operation from {Table} where $1::integer is null or year = $1 order by read_at desc, id desc limit {MaxEntries}");
        command.Parameters.Add(new NpgsqlParameter { Value = year is { } y ? y : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        var reads = new List<EmbargoRead>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reads.Add(new EmbargoRead(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }

        return reads;
    }

    public static Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        StoreDdl.ApplyAsync(dataSource, Ddl, cancellationToken);

    // Hosts starting together on one database take turns (the lock).
    private const string Ddl = $"""
        select pg_advisory_xact_lock(hashtext('{Table}'));
        create table if not exists {Table} (
            id bigint generated always as identity primary key,
            credential_id uuid,
            credential_name text not null,
            year integer not null,
            read_at timestamptz not null default now(),
            operation text not null);
        create index if not exists embargo_reads_year on {Table} (year, read_at desc);
        """;
}

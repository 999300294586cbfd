using System.Globalization;
using Kvk.Graph.Engine.Profiling;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kvk.Graph.Engine.Reading;

/// <summary>A row of a read query: the document's id, the document and any extra values selected beside it.</summary>
public sealed record ReadRow<T>(string Id, T Document, IReadOnlyList<string?> Values);

/// <summary>The version a document table's row was read at (see <see cref="ReadStore.Reference"/>).</summary>
public readonly record struct RowVersion(uint Xmin, object MtVersion);

/// <summary>
/// Reads the projected documents with plain SQL over Marten's tables. A statement selects each row's
/// <see cref="Reference"/> where it would select the document; documents whose version this host has
/// already read come from <see cref="LoadedViews"/>, the others from one more statement per call,
/// deserialized by the store's own serializer (<see cref="IViewDeserializer"/>). One per operation: its
/// statements go to the pool its <see cref="ReadRoute"/> chose, the primary's for the secretariat. A statement the
/// replica could not be reached for, or did not answer within <see cref="ReplicaPatience"/>, runs once more on the
/// primary, where the rest of the operation reads too. With the
/// request profile enabled (<paramref name="profile"/>), each connection taken and each statement are timed.
/// </summary>
public sealed class ReadStore(
    [FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource reads,
    [FromKeyedServices(ReadStore.PrimaryDataSourceKey)] NpgsqlDataSource primary,
    ReadRoute route,
    IViewDeserializer deserializer,
    LoadedViews loaded,
    RequestProfile? profile = null)
{
    /// <summary>The key of the read path's own connection pool in the host's services (a replica's, where one is configured).</summary>
    public const string DataSourceKey = "reads";

    /// <summary>
    /// The key of the read path's pool on the primary, for the secretariat's reads; the same pool as
    /// <see cref="DataSourceKey"/>'s when reads go to the primary anyway. A row's version (<c>xmin</c>) is the
    /// same on a physical replica as on its primary, so <see cref="LoadedViews"/> serves both.
    /// </summary>
    public const string PrimaryDataSourceKey = "primary-reads";

    /// <summary>
    /// How long a statement (or a connection) waits for the replica before it runs on the primary instead: as long as the
    /// replica monitor waits for its answer before it turns the host's reads to the primary. A replica that hangs accepts
    /// connections and answers nothing, and nothing else would end the wait before the operation's timeout.
    /// </summary>
    public static readonly TimeSpan ReplicaPatience = TimeSpan.FromSeconds(3);

    /// <summary>Whether this operation's statements go to the primary: what a read shared with other operations must agree on.</summary>
    public bool FromPrimary => route.FromPrimary;

    /// <summary>
    /// A connection on this operation's route, for a feature that reads through another library (Marten's event API for
    /// history and time travel) but must read where the operation's other statements read.
    /// </summary>
    public async ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await OnRouteAsync(
        OpenAnsweringReplicaAsync,
        abandoned => abandoned.Dispose(),
        () => primary.OpenConnectionAsync(cancellationToken).AsTask(),
        cancellationToken);

    /// <summary>
    /// A replica connection that has just answered a statement. The other library's statements on it are beyond
    /// <see cref="ReplicaPatience"/>, and a pooled connection to a replica that has hung since opens at once: one trivial
    /// statement, within the patience, shows that the replica still answers (a round trip more for history and time travel).
    /// </summary>
    private async Task<NpgsqlConnection> OpenAnsweringReplicaAsync(CancellationToken cancellationToken)
    {
        var connection = await reads.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var probe = new NpgsqlCommand("select 1", connection);
            await probe.ExecuteScalarAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <paramref name="onPrimary"/> when this operation reads the primary; else <paramref name="onReplica"/>, unless the
    /// replica could not be reached (the host then reads the primary: <see cref="TurnToPrimary"/>) or has not answered within
    /// <see cref="ReplicaPatience"/> (hung: a stalled machine accepts connections and answers nothing; or very slow): then
    /// <paramref name="onPrimary"/>, and this operation reads the primary from here on (whether the host does is the replica
    /// monitor's to tell). The replica's attempt is cancelled and left to end in the background, where
    /// <paramref name="release"/> frees what it still produces; a cancellation waits for the server, which a hung one never
    /// gives. A connection attempt that timed out (bounded by the same patience: <see cref="DataSources.CreateForReads"/>)
    /// is given up on the same way. Only the replica's failures are answered so: the primary's are the caller's.
    /// </summary>
    private async Task<TResult> OnRouteAsync<TResult>(
        Func<CancellationToken, Task<TResult>> onReplica,
        Action<TResult>? release,
        Func<Task<TResult>> onPrimary,
        CancellationToken cancellationToken)
    {
        if (route.FromPrimary)
        {
            return await onPrimary();
        }

        var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var attempt = onReplica(patience.Token);
        var abandoned = false;
        try
        {
            return await attempt.WaitAsync(ReplicaPatience, cancellationToken);
        }
        catch (NpgsqlException e) when (ReplicaUnreachable.Is(e))
        {
            TurnToPrimary(e);
        }
        catch (TimeoutException) when (!attempt.IsCompleted)
        {
            // The abandoned attempt's cancellation is its own to dispose of, once it has ended.
            abandoned = true;
            _ = AbandonAsync(attempt, patience, release);
            route.ReadPrimary();
        }
        catch (NpgsqlException e) when (e.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            route.ReadPrimary();
        }
        finally
        {
            if (!abandoned)
            {
                patience.Dispose();
            }
        }

        return await onPrimary();
    }

    /// <summary>
    /// Cancels a replica attempt given up on and lets it end in the background: the driver's cancellation asks the server,
    /// which a hung one never answers, so nobody waits for it.
    /// </summary>
    private static async Task AbandonAsync<TResult>(Task<TResult> attempt, CancellationTokenSource patience, Action<TResult>? release)
    {
        try
        {
            await patience.CancelAsync();
            release?.Invoke(await attempt);
        }
        catch (Exception e) when (e is OperationCanceledException or NpgsqlException or InvalidOperationException or TimeoutException or IOException)
        {
            // What abandoned work ends with.
        }
        finally
        {
            patience.Dispose();
        }
    }

    private void TurnToPrimary(NpgsqlException failure)
    {
        // The pool's idle connections to a replica that went away are as broken as the one that failed.
        if (route.ReplicaFailed(failure))
        {
            reads.Clear();
        }
    }

    /// <summary>
    /// The columns a read statement selects first: the row's id and its version. A row's <c>xmin</c>
    /// changes with every write of it, a rebuild's included; Marten's <c>mt_version</c> beside it keeps
    /// versions apart across transaction-id wraparound. Both are read in PostgreSQL's binary format.
    /// </summary>
    public static string Reference(string table) => $"{table}.id, {table}.xmin, {table}.mt_version";

    private const int ReferenceColumns = 3;

    /// <param name="table">The document table whose <see cref="Reference"/> the statement selects first.</param>
    public async Task<IReadOnlyList<ReadRow<T>>> QueryAsync<T>(string table, string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        var rows = await ReferencedRowsAsync(sql, parameters, cancellationToken);
        var found = new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var row in rows)
        {
            if (loaded.TryGet<T>(table, row.Id, row.Version, out var document))
            {
                found[row.Id] = document;
            }
            else
            {
                (missing ??= []).Add(row.Id);
            }
        }

        if (missing is not null)
        {
            foreach (var (id, document) in await ReadMissingAsync<T>(table, missing, cancellationToken))
            {
                found[id] = document;
            }
        }

        // A row deleted between the two statements is left out, as if the first had not seen it.
        return [.. rows.Where(r => found.ContainsKey(r.Id)).Select(r => new ReadRow<T>(r.Id, found[r.Id], r.Values))];
    }

    public async Task<IReadOnlyList<T>> DocumentsAsync<T>(ViewQuery query, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<T>(query.DocumentTable, $"select {Reference(query.DocumentTable)} from " +
            $"{query.Table}{query.WhereClause}{query.OrderByClause}", query.Parameters, cancellationToken);
        return [.. rows.Select(r => r.Document)];
    }

    public Task<int> CountAsync(string countSql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        ReadAsync(
            countSql,
            parameters,
            async reader => await reader.ReadAsync(cancellationToken) ? Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture) : 0,
            cancellationToken);

    /// <summary>The rows of a statement as text values, SQL NULL as null.</summary>
    public Task<List<string?[]>> ValuesAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        RowsAsync(sql, parameters, reader => Texts(reader, 0), cancellationToken);

    private Task<List<ReferencedRow>> ReferencedRowsAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        RowsAsync(sql, parameters, reader => new ReferencedRow(reader.GetString(0), Version(reader), Texts(reader, ReferenceColumns)), cancellationToken);

    private Task<List<TRow>> RowsAsync<TRow>(
        string sql,
        IReadOnlyList<object?> parameters,
        Func<NpgsqlDataReader, TRow> read,
        CancellationToken cancellationToken) =>
        ReadAsync(sql, parameters, async reader =>
        {
            var rows = new List<TRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }, cancellationToken);

    /// <summary>
    /// Runs one statement on a connection of the operation's pool. A statement that fails (cancelled at the timeout,
    /// refused by the server) may leave the connection's auto-prepared statements out of step with the server,
    /// so before the connection goes back to the pool its prepared statements are dropped on both sides; a
    /// connection that cannot even do that is cleared from the pool. Whatever fails, the next read gets a clean one.
    /// </summary>
    private Task<TResult> ReadAsync<TResult>(
        string sql,
        IReadOnlyList<object?> parameters,
        Func<NpgsqlDataReader, Task<TResult>> read,
        CancellationToken cancellationToken) =>
        OnRouteAsync(
            token => ReadOnAsync(reads, sql, parameters, read, token),
            null,
            () => ReadOnAsync(primary, sql, parameters, read, cancellationToken),
            cancellationToken);

    private async Task<TResult> ReadOnAsync<TResult>(
        NpgsqlDataSource source,
        string sql,
        IReadOnlyList<object?> parameters,
        Func<NpgsqlDataReader, Task<TResult>> read,
        CancellationToken cancellationToken)
    {
        var started = profile is null ? 0 : RequestProfile.Now();
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        profile?.Add(ProfilePhase.SqlConnection, started);
        try
        {
            var statement = profile is null ? 0 : RequestProfile.Now();
            await using var command = Command(connection, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var result = await read(reader);
            profile?.Add(ProfilePhase.SqlStatement, statement);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            await ResetAsync(connection);
            throw;
        }
    }

    private static async Task ResetAsync(NpgsqlConnection connection)
    {
        try
        {
            connection.UnprepareAll();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>A row's values from <paramref name="first"/> on, as text.</summary>
    private static string?[] Texts(NpgsqlDataReader reader, int first)
    {
        // Without sequential access a read row is in memory whole: its values need no awaiting.
        var values = new string?[reader.FieldCount - first];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        }

        return values;
    }

    // mt_version is a revision (bigint) in the projected tables and a uuid in the others.
    private static RowVersion Version(NpgsqlDataReader reader) => new(reader.GetFieldValue<uint>(1), reader.GetValue(2));

    /// <summary>
    /// The documents of <paramref name="ids"/>, each kept in <see cref="LoadedViews"/>. Collected in a list of the read's own:
    /// a replica read given up on may still be running while the primary answers.
    /// </summary>
    private Task<List<(string Id, T Document)>> ReadMissingAsync<T>(string table, List<string> ids, CancellationToken cancellationToken) =>
        ReadAsync($"select {Reference(table)}, data from {table} where id = any($1::text[])", [ids.ToArray()], async reader =>
        {
            var documents = new List<(string Id, T Document)>(ids.Count);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (id, version) = (reader.GetString(0), Version(reader));
                var document = await deserializer.ReadAsync<T>(reader, ReferenceColumns, cancellationToken);
                loaded.Store(table, id, version, document!);
                documents.Add((id, document!));
            }

            return documents;
        }, cancellationToken);

    /// <summary>A command with positional parameters ($1, $2, …); a null value is SQL NULL.</summary>
    private sealed record ReferencedRow(string Id, RowVersion Version, string?[] Values);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IReadOnlyList<object?> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }
}

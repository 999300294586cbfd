using System.Globalization;
using Marten;
using Npgsql;

namespace Kvk.Graph.ReadModel;

/// <summary>A row of a read query: the document and any extra values selected beside it.</summary>
public sealed record ReadRow<T>(T Document, IReadOnlyList<string?> Values);

/// <summary>
/// Reads the projected documents with plain SQL over Marten's tables. A statement selects each row's
/// <see cref="Reference"/> where it would select the document; documents whose version this host has
/// already read come from <see cref="LoadedDocuments"/>, the others from one more statement per call,
/// deserialized by Marten's own serializer.
/// </summary>
public sealed class ReadStore([FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource dataSource, IDocumentStore store, LoadedDocuments loaded)
{
    /// <summary>The key of the read path's own connection pool in the host's services.</summary>
    public const string DataSourceKey = "reads";

    private readonly ISerializer _serializer = store.Options.Serializer();

    /// <summary>
    /// The two columns a read statement selects first: the row's id and its version. A row's <c>xmin</c>
    /// changes with every write of it, a rebuild's included; Marten's <c>mt_version</c> beside it keeps
    /// versions apart across transaction-id wraparound.
    /// </summary>
    public static string Reference(string table) => $"{table}.id, {table}.xmin::text || ':' || {table}.mt_version";

    /// <param name="table">The document table whose <see cref="Reference"/> the statement selects first.</param>
    public async Task<IReadOnlyList<ReadRow<T>>> QueryAsync<T>(string table, string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        var rows = await ValuesAsync(sql, parameters, cancellationToken);
        var found = new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var row in rows)
        {
            if (loaded.TryGet<T>(table, row[0]!, row[1]!, out var document))
            {
                found[row[0]!] = document;
            }
            else
            {
                (missing ??= []).Add(row[0]!);
            }
        }

        if (missing is not null)
        {
            await ReadMissingAsync(table, missing, found, cancellationToken);
        }

        // A row deleted between the two statements is left out, as if the first had not seen it.
        return [.. rows.Where(r => found.ContainsKey(r[0]!)).Select(r => new ReadRow<T>(found[r[0]!], r[2..]))];
    }

    public async Task<IReadOnlyList<T>> DocumentsAsync<T>(DocumentQuery query, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<T>(query.DocumentTable, $"select {Reference(query.DocumentTable)} from {query.Table}{query.WhereClause}{query.OrderByClause}", query.Parameters, cancellationToken);
        return [.. rows.Select(r => r.Document)];
    }

    public async Task<int> CountAsync(string countSql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(countSql, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a statement as text values, SQL NULL as null.</summary>
    public async Task<IReadOnlyList<string?[]>> ValuesAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // Without sequential access a read row is in memory whole: its values need no awaiting.
            var values = new string?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            rows.Add(values);
        }

        return rows;
    }

    private async Task ReadMissingAsync<T>(string table, List<string> ids, Dictionary<string, T> found, CancellationToken cancellationToken)
    {
        await using var command = Command($"select {Reference(table)}, data from {table} where id = any($1::text[])", [ids.ToArray()]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (id, version) = (reader.GetString(0), reader.GetString(1));
            var document = await _serializer.FromJsonAsync<T>(reader, 2, cancellationToken);
            loaded.Store(table, id, version, document!);
            found[id] = document;
        }
    }

    /// <summary>A command with positional parameters ($1, $2, …); a null value is SQL NULL.</summary>
    private NpgsqlCommand Command(string sql, IReadOnlyList<object?> parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }
}

using System.Data.Common;
using System.Globalization;
using Marten;
using Npgsql;

namespace Kvk.Graph.ReadModel;

/// <summary>A row of a read query: the document and any extra values selected beside it.</summary>
public sealed record ReadRow<T>(T Document, IReadOnlyList<string?> Values);

/// <summary>
/// Reads the projected documents with plain SQL over Marten's tables, deserialized by Marten's own
/// serializer. Every call is one SQL statement.
/// </summary>
public sealed class ReadStore([FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource dataSource, IDocumentStore store)
{
    /// <summary>The key of the read path's own connection pool in the host's services.</summary>
    public const string DataSourceKey = "reads";

    private readonly ISerializer _serializer = store.Options.Serializer();

    public async Task<IReadOnlyList<ReadRow<T>>> QueryAsync<T>(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await RowsAsync<T>(reader, cancellationToken);
    }

    public async Task<IReadOnlyList<T>> DocumentsAsync<T>(DocumentQuery query, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync<T>($"select data from {query.Table}{query.WhereClause}{query.OrderByClause}", query.Parameters, cancellationToken);
        return [.. rows.Select(r => r.Document)];
    }

    public async Task<int> CountAsync(string countSql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(countSql, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<ReadRow<T>>> RowsAsync<T>(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<ReadRow<T>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var document = await _serializer.FromJsonAsync<T>(reader, 0, cancellationToken);
            var values = new string?[reader.FieldCount - 1];
            for (var i = 1; i < reader.FieldCount; i++)
            {
                values[i - 1] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetString(i);
            }

            rows.Add(new ReadRow<T>(document, values));
        }

        return rows;
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

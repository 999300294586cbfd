using Kvk.Storage.Awards;
using Npgsql;

namespace Kvk.Graph.Tests.Support;

/// <summary>The read model of a database as text, to compare it before and after a rebuild.</summary>
public static class ReadModelSnapshot
{
    public static async Task<string> TakeAsync(string connectionString)
    {
        var parts = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (table, value) in new[] { ("kvk.mt_doc_round", "data"), ("kvk.mt_doc_award", "data"), ("kvk.mt_doc_nomination", "data"), (
            AwardSearchIndex.Table,
            AwardSearchIndex.Vector) })
        {
            await using var command = new NpgsqlCommand($"select coalesce(string_agg(id || '=' || {value}::text, E'\\n' order by " +
                $"id), '') from {table}", connection);
            parts.Add((string)(await command.ExecuteScalarAsync())!);
        }

        return string.Join("\n---\n", parts);
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

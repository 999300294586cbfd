using System.Globalization;
using Kvk.Graph.Hosting;
using Npgsql;

namespace Kvk.Bench.Profile;

/// <summary>One statement's figures over a measured run, from <c>pg_stat_statements</c>.</summary>
public sealed record StatementFigures(string Query, long Calls, double TotalMs);

/// <summary>
/// PostgreSQL's own account of the statements the host sends (<c>pg_stat_statements</c>), on the harness's own cluster:
/// the extension is loaded with the server (a restart), created in Kvk's database and read as the superuser, whose
/// password the cluster's password file beside it holds.
/// </summary>
public sealed class StatementStatistics(LocalPostgres postgres)
{
    private string Superuser => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = postgres.Port,
        Username = PostgresTools.SystemUser,
        Database = LocalPostgres.DatabaseName,
        Passfile = postgres.PasswordFile,
        Pooling = false,
    }.ConnectionString;

    /// <summary>Loads the extension (a restart of the server on the same port) and creates it in Kvk's database.</summary>
    public async Task EnableAsync()
    {
        await ExecuteAsync("alter system set shared_preload_libraries = 'pg_stat_statements'");
        await postgres.StopAsync();
        await postgres.RestartAsync();
        await ExecuteAsync("create extension if not exists pg_stat_statements");
    }

    public Task ResetAsync() => ExecuteAsync("select pg_stat_statements_reset()");

    /// <summary>The statements of the application's role since the last reset, the costliest first.</summary>
    public async Task<IReadOnlyList<StatementFigures>> ReadAsync()
    {
        await using var connection = new NpgsqlConnection(Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select s.query, s.calls, s.total_exec_time from pg_stat_statements s join pg_roles r on r.oid = s.userid " +
            "where r.rolname = $1 order by s.total_exec_time desc",
            connection);
        command.Parameters.AddWithValue(LocalPostgres.ApplicationUser);
        await using var reader = await command.ExecuteReaderAsync();
        var statements = new List<StatementFigures>();
        while (await reader.ReadAsync())
        {
            statements.Add(new StatementFigures(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        }

        return statements;
    }

    /// <summary>The postmaster's process id, from its pid file.</summary>
    public int PostmasterId => int.Parse(File.ReadLines(Path.Combine(postgres.DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

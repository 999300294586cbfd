using Kvk.Graph.Hosting;
using Npgsql;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// The PostgreSQL server of a test run: <c>KVK_TEST_POSTGRES</c> (a connection string to a server where
/// the tests may create databases) when set, otherwise a throwaway local cluster started once per run.
/// Every test host gets a database of its own, so hosts never see each other's events.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Shared.Value;
        var name = $"kvk_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<Server> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("KVK_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return new Server(configured, null);
        }

        RemoveStoppedClusters();
        var directory = Path.Combine(Path.GetTempPath(), $"kvk-tests-{Environment.ProcessId}");
        // The application's role may create databases here (one per test host), and nothing more.
        var local = await LocalPostgres.StartAsync(directory, throwaway: true, applicationCreatesDatabases: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => local.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new Server(local.ConnectionStringFor("postgres"), local);
    }

    /// <summary>
    /// The test host may end a run before its exit handlers finish; the clusters of earlier runs whose
    /// process is gone are removed here (never those of a run still going, which may be starting up).
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "kvk-tests-*"))
        {
            var owner = Path.GetFileName(directory)["kvk-tests-".Length..];
            if (!Directory.Exists($"/proc/{owner}") && !File.Exists(Path.Combine(directory, LocalPostgres.DataFolderName, "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another test run, starting at the same moment, removes it too.
                }
            }
        }
    }

    private sealed record Server(string AdminConnectionString, LocalPostgres? Local);
}

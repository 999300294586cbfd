using Kvk.Graph.Engine.Files;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>
/// A cluster made by Kvk before its local clusters had passwords (<c>initdb -A trust</c>, the application as superuser
/// <c>kvk</c>): every user of the machine could connect to it. Its database is dumped and the old cluster set aside; the
/// dump is then restored into the new cluster with passwords, owned by the application's role, and only after that are
/// the old cluster and the dump removed. A developer's recorded events survive the change.
/// </summary>
internal static class PasswordlessCluster
{
    /// <summary>Dumps the old cluster's database and moves the cluster aside; returns the dump, or null when there was no database.</summary>
    public static async Task<string?> MoveAsideAsync(PostgresTools tools, string folder, string dataDirectory, CancellationToken cancellationToken)
    {
        var place = Path.Combine(folder, LocalPostgres.DataFolderName);
        if (!File.ReadLines(Path.Combine(dataDirectory, "pg_hba.conf")).Any(IsTrustLine))
        {
            throw new LocalPostgresUnavailableException(
                $"the passwords of the PostgreSQL cluster in {place} are missing ({Path.Combine(folder, LocalPostgresPasswords.FileName)}): " +
                $"stop any Kvk host using it and delete {place}; the next start makes a new one and imports the award history from seeds/ again.");
        }

        var port = LocalPostgres.RunningPort(dataDirectory) ?? await StartAsync(tools, dataDirectory, cancellationToken);
        var dump = await DumpAsync(tools, folder, port, cancellationToken);
        await tools.RunServerToolAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w"], cancellationToken);
        Directory.Move(dataDirectory, SetAside(dataDirectory));
        Directory.CreateDirectory(dataDirectory);
        return dump;
    }

    /// <summary>Restores the dump into the new cluster's database as the application's role, then removes what was set aside.</summary>
    public static async Task RestoreAsync(PostgresTools tools, LocalPostgres server, string? dump, CancellationToken cancellationToken)
    {
        if (dump is not null)
        {
            try
            {
                await tools.RunClientToolAsync(
                    "psql",
                    ["-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", LocalPostgres.ApplicationUser,
                        "-d", LocalPostgres.DatabaseName, "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", dump],
                    new Dictionary<string, string> { ["PGPASSFILE"] = server.PasswordFile },
                    cancellationToken);
            }
            catch (LocalPostgresUnavailableException e)
            {
                throw new LocalPostgresUnavailableException(
                    $"moving the data of the cluster without passwords ({SetAside(server.DataDirectory)}, dumped to {dump}) into the new " +
                        $"one failed: {e.Message}");
            }

            File.Delete(dump);
        }

        Directory.Delete(SetAside(server.DataDirectory), recursive: true);
        Console.WriteLine($"Kvk: the local PostgreSQL cluster now requires passwords (kept in {server.PasswordFile}); its data was carried over.");
    }

    private static string SetAside(string dataDirectory) => dataDirectory + ".without-passwords";

    private static bool IsTrustLine(string line)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 0 && !fields[0].StartsWith('#') && fields.Contains("trust", StringComparer.Ordinal);
    }

    private static async Task<int> StartAsync(PostgresTools tools, string dataDirectory, CancellationToken cancellationToken)
    {
        var port = LocalPostgres.FreePort();
        await tools.RunServerToolAsync(
            "pg_ctl",
            ["start", "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-o",
                $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "-w", "-t", "60"],
            cancellationToken);
        return port;
    }

    private static async Task<string?> DumpAsync(PostgresTools tools, string folder, int port, CancellationToken cancellationToken)
    {
        var old = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = LocalPostgres.ApplicationUser, Database = "postgres" };
        await using (var connection = new NpgsqlConnection(old.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
            exists.Parameters.AddWithValue(LocalPostgres.DatabaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        NpgsqlConnection.ClearAllPools();
        // The dump holds the jury's secret decisions: readable by this user alone, like the passwords.
        var dump = Path.Combine(folder, "postgres-without-passwords.sql");
        File.Delete(dump);
        await OwnerOnlyFile.Create(dump).DisposeAsync();
        await tools.RunClientToolAsync(
            "pg_dump",
            ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", LocalPostgres.ApplicationUser,
                "--no-owner", "--no-privileges", "-f", dump, LocalPostgres.DatabaseName],
            new Dictionary<string, string>(),
            cancellationToken);
        return dump;
    }
}

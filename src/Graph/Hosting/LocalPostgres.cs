using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>
/// A PostgreSQL cluster of Kvk's own, started from the server binaries installed on the machine, for
/// when no connection string is configured (a developer's first <c>dotnet run</c>, the test suite).
/// PostgreSQL refuses to run as root, so as root the cluster belongs to the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DatabaseName = "kvk";
    private const string UserName = "kvk";

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;

    private LocalPostgres(string dataDirectory, string binDirectory, bool asPostgresUser, int port)
    {
        DataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(DatabaseName);

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = UserName, Database = database }.ConnectionString;

    /// <summary>
    /// Starts the cluster in <paramref name="dataDirectory"/>, creating it on first use, or adopts it when
    /// a previous process left it running. <paramref name="throwaway"/> trades durability for speed (tests).
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(string dataDirectory, bool throwaway = false, CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinaries() ?? throw new LocalPostgresUnavailableException(
            "No PostgreSQL server binaries (initdb, pg_ctl) were found. Install the PostgreSQL server " +
            "(Debian: apt-get install postgresql) or set the connection string ConnectionStrings__Kvk to a database Kvk may use.");
        dataDirectory = Path.GetFullPath(dataDirectory);
        var asPostgresUser = Environment.IsPrivilegedProcess;
        Directory.CreateDirectory(dataDirectory);
        if (asPostgresUser)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], cancellationToken);
        }

        var probe = new LocalPostgres(dataDirectory, binDirectory, asPostgresUser, 0);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await probe.RunPostgresToolAsync("initdb", ["-D", dataDirectory, "-U", UserName, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"], cancellationToken);
        }

        var server = probe.RunningPort() is { } runningPort
            ? new LocalPostgres(dataDirectory, binDirectory, asPostgresUser, runningPort)
            : await probe.StartServerAsync(throwaway, cancellationToken);
        await server.EnsureDatabaseAsync(DatabaseName, cancellationToken);
        return server;
    }

    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunPostgresToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], CancellationToken.None);
    }

    /// <summary>Stops the server, keeping its data (an outage, for tests of the host's recovery).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        RunPostgresToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], cancellationToken);

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port, so that connection strings stay valid.</summary>
    public Task RestartAsync(bool throwaway = false, CancellationToken cancellationToken = default) => StartOnPortAsync(Port, throwaway, cancellationToken);

    private async Task<LocalPostgres> StartServerAsync(bool throwaway, CancellationToken cancellationToken)
    {
        var port = FreePort();
        await StartOnPortAsync(port, throwaway, cancellationToken);
        return new LocalPostgres(DataDirectory, _binDirectory, _asPostgresUser, port);
    }

    private async Task StartOnPortAsync(int port, bool throwaway, CancellationToken cancellationToken)
    {
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300";
        if (throwaway)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        await RunPostgresToolAsync("pg_ctl", ["start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", settings, "-w", "-t", "60"], cancellationToken);
    }

    /// <summary>The port of a server already running on this data directory, from its postmaster.pid.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        var alive = lines.Length > 3
            && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
            && IsAlive(pid);
        return alive && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName.StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new LocalPostgresUnavailableException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new LocalPostgresUnavailableException(
                $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("KVK_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>A loopback port nobody listens on now (for this cluster, and for hosts the tools start).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The local PostgreSQL could not be found or started; the message says what to install or set.</summary>
public sealed class LocalPostgresUnavailableException(string message) : Exception(message);

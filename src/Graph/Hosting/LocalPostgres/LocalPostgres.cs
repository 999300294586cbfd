using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>
/// A PostgreSQL cluster of Kvk's own, started from the server binaries installed on the machine, for when no connection
/// string is configured (a developer's first <c>dotnet run</c>, the test suite). It lives in a folder of Kvk's
/// (<c>.kvk/</c>): the cluster in <c>postgres/</c> (see <see cref="LocalPostgresPlacement"/>) and its passwords in
/// <c>pgpass</c>. It listens on loopback only, without a Unix socket, and every connection needs a password
/// (scram-sha-256): another user of the machine cannot read the jury's secret decision from the read model. The
/// application connects as a role that owns its database and nothing more. Several processes may use it at once (a
/// host and an operator's command): it stops with the last of them (<see cref="LocalPostgresLease"/>).
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DatabaseName = "kvk";
    public const string ApplicationUser = "kvk";
    public const string DataFolderName = "postgres";

    private readonly PostgresTools _tools;
    private readonly LocalPostgresPasswords _passwords;
    private LocalPostgresLease? _lease;

    private LocalPostgres(PostgresTools tools, string dataDirectory, string passwordFile, LocalPostgresPasswords passwords, int port)
    {
        _tools = tools;
        DataDirectory = dataDirectory;
        PasswordFile = passwordFile;
        _passwords = passwords;
        Port = port;
    }

    /// <summary>The directory the server runs (where <c>FOLDER/postgres</c> leads).</summary>
    public string DataDirectory { get; }

    /// <summary>The passwords, in PostgreSQL's password file format (mode 0600).</summary>
    public string PasswordFile { get; }

    public string BinDirectory => _tools.BinDirectory;

    public int Port { get; }

    public string ConnectionString => ConnectionStringFor(DatabaseName);

    /// <summary>The application's role on <paramref name="database"/>.</summary>
    public string ConnectionStringFor(string database) => ConnectionStringFor(ApplicationUser, _passwords.Application, database);

    private string SuperuserConnectionString => ConnectionStringFor(PostgresTools.SystemUser, _passwords.Superuser, "postgres");

    /// <summary>
    /// Starts the cluster in <paramref name="folder"/>, creating it on first use, or adopts it when a previous process
    /// left it running; a cluster made by an older Kvk without passwords is moved into a new one with passwords.
    /// <paramref name="throwaway"/> trades durability for speed, and <paramref name="applicationCreatesDatabases"/> lets
    /// the application's role create databases (tests: one per test host).
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(
        string folder, bool throwaway = false, bool applicationCreatesDatabases = false, CancellationToken cancellationToken = default)
    {
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        using (await LocalPostgresLease.StartStopLockAsync(folder, cancellationToken))
        {
            var server = await StartOrAdoptAsync(folder, throwaway, applicationCreatesDatabases, cancellationToken);
            server._lease = LocalPostgresLease.Take(folder);
            return server;
        }
    }

    /// <summary>Gives this process's lease back and stops the server if no other process holds one (see <see cref="LocalPostgresLease"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(PasswordFile)!;
        using (await LocalPostgresLease.StartStopLockAsync(folder, CancellationToken.None))
        {
            _lease?.Dispose();
            _lease = null;

            // Stopped already (an outage a test made) or by hand: nothing to stop.
            if (!LocalPostgresLease.AnyHeld(folder) && RunningPort() is not null)
            {
                await StopAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<LocalPostgres> StartOrAdoptAsync(
        string folder, bool throwaway, bool applicationCreatesDatabases, CancellationToken cancellationToken)
    {
        var tools = await PostgresTools.FindAsync(cancellationToken);
        var dataDirectory = await LocalPostgresPlacement.DataDirectoryAsync(folder, tools, cancellationToken);
        var passwordFile = Path.Combine(folder, LocalPostgresPasswords.FileName);
        var passwords = LocalPostgresPasswords.Read(passwordFile);
        var passwordless = passwords is null && File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));
        string? migrationDump = null;
        if (passwordless)
        {
            migrationDump = await PasswordlessCluster.MoveAsideAsync(tools, folder, dataDirectory, cancellationToken);
            await tools.HandOverAsync(dataDirectory, cancellationToken);
        }

        passwords ??= LocalPostgresPasswords.Create(passwordFile);
        var probe = new LocalPostgres(tools, dataDirectory, passwordFile, passwords, 0);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await probe.InitializeAsync(cancellationToken);
        }

        var server = probe.RunningPort() is { } runningPort
            ? new LocalPostgres(tools, dataDirectory, passwordFile, passwords, runningPort)
            : await probe.StartServerAsync(throwaway, cancellationToken);
        await server.ProvisionAsync(applicationCreatesDatabases, cancellationToken);
        if (passwordless)
        {
            await PasswordlessCluster.RestoreAsync(tools, server, migrationDump, cancellationToken);
        }

        return server;
    }

    /// <summary>Stops the server, keeping its data (an outage, for tests of the host's recovery).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) =>
        _tools.RunServerToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w"], cancellationToken);

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port, so that connection strings stay valid.</summary>
    public Task RestartAsync(bool throwaway = false, CancellationToken cancellationToken = default) => StartOnPortAsync(Port, throwaway, cancellationToken);

    /// <summary>A loopback port nobody listens on now (for this cluster, and for hosts the tools start).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string ConnectionStringFor(string user, string password, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = user, Password = password, Database = database }.ConnectionString;

    /// <summary>initdb with the superuser's password from a file only the server's account reads, and no <c>trust</c> line.</summary>
    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var secrets = Directory.CreateTempSubdirectory("kvk-initdb-");
        try
        {
            var passwordFile = Path.Combine(secrets.FullName, "superuser");
            await using (var writer = new StreamWriter(OwnerOnlyFile.Create(passwordFile)))
            {
                await writer.WriteAsync(_passwords.Superuser);
            }

            await _tools.HandOverAsync(secrets.FullName, cancellationToken);
            await _tools.RunServerToolAsync(
                "initdb",
                ["-D", DataDirectory, "-U", PostgresTools.SystemUser, "--pwfile", passwordFile, "--auth", "scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"],
                cancellationToken);
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    /// <summary>The application's role (no superuser) and its database, owned by it so that Marten can create its schema.</summary>
    private async Task ProvisionAsync(bool applicationCreatesDatabases, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(SuperuserConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (await ScalarAsync(connection, "select 1 from pg_roles where rolname = $1", ApplicationUser, cancellationToken) is null)
        {
            var createdb = applicationCreatesDatabases ? "createdb" : "nocreatedb";
            var password = _passwords.Application.Replace("'", "''", StringComparison.Ordinal);
            await ExecuteAsync(connection, $"create role {ApplicationUser} login nosuperuser nocreaterole {createdb} password '{password}'", cancellationToken);
        }

        if (await ScalarAsync(connection, "select 1 from pg_database where datname = $1", DatabaseName, cancellationToken) is null)
        {
            await ExecuteAsync(connection, $"create database {DatabaseName} owner {ApplicationUser}", cancellationToken);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string parameter, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<LocalPostgres> StartServerAsync(bool throwaway, CancellationToken cancellationToken)
    {
        var port = FreePort();
        await StartOnPortAsync(port, throwaway, cancellationToken);
        return new LocalPostgres(_tools, DataDirectory, PasswordFile, _passwords, port);
    }

    private async Task StartOnPortAsync(int port, bool throwaway, CancellationToken cancellationToken)
    {
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300";
        if (throwaway)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        await _tools.RunServerToolAsync(
            "pg_ctl",
            ["start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", settings, "-w", "-t", "60"],
            cancellationToken);
    }

    /// <summary>The port of a server already running on this data directory, from its postmaster.pid.</summary>
    internal int? RunningPort() => RunningPort(DataDirectory);

    internal static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
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
}

/// <summary>The local PostgreSQL could not be found or started; the message says what to install or set.</summary>
public sealed class LocalPostgresUnavailableException(string message) : Exception(message);

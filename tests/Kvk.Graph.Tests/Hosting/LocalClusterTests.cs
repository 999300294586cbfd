using System.Diagnostics;
using System.Runtime.Versioning;
using Kvk.Graph.Hosting;
using Kvk.Graph.Tests.Support;
using Npgsql;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>
/// The cluster the host starts for itself under <c>.kvk/</c> when no connection string is set, made here in a folder of
/// its own as the host makes it: only its own application gets in, with a password.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LocalClusterTests : IAsyncLifetime
{
    private readonly List<string> _folders = [];
    private LocalPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await LocalPostgres.StartAsync(NewFolder());

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        foreach (var folder in _folders)
        {
            // A cluster a failed test left running.
            var data = Path.Combine(folder, LocalPostgres.DataFolderName);
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                await RunAsync(Tool("pg_ctl", "stop", "-D", data, "-m", "immediate"));
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    [NeedsFact(Needs.Root)]
    public async Task Another_user_of_the_machine_cannot_connect_without_the_password()
    {
        foreach (var (user, database) in new[] { (LocalPostgres.ApplicationUser, LocalPostgres.DatabaseName), ("postgres", "postgres") })
        {
            var (exitCode, output) = await PsqlAsNobodyAsync(user, database, password: null);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("no password supplied", output, StringComparison.Ordinal);
        }

        // The same command with the password from the file gets in: what refused it was the missing password.
        Assert.Equal((0, "1"), await PsqlAsNobodyAsync(LocalPostgres.ApplicationUser, LocalPostgres.DatabaseName, PasswordOf(LocalPostgres.ApplicationUser)));
    }

    [Fact]
    public async Task The_password_file_is_its_owners_alone_and_no_connection_is_trusted()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_postgres.PasswordFile));
        var rules = File.ReadLines(Path.Combine(_postgres.DataDirectory, "pg_hba.conf")).Where(l => l.Trim() is { Length: > 0 } t
            && !t.StartsWith('#')).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.EndsWith("scram-sha-256", rule, StringComparison.Ordinal));

        // postmaster.pid: line 5 the socket directory (none), line 6 the address the server listens on.
        var postmaster = File.ReadAllLines(Path.Combine(_postgres.DataDirectory, "postmaster.pid"));
        Assert.Equal(("", "127.0.0.1"), (postmaster[4], postmaster[5]));
        await using var withoutPassword = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Password = null }.ConnectionString);
        await Assert.ThrowsAnyAsync<Exception>(() => withoutPassword.OpenAsync());
    }

    [Fact]
    public async Task The_application_user_is_not_a_superuser_and_owns_its_database()
    {
        await using var connection = new NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal(LocalPostgres.ApplicationUser, await ScalarAsync<string>(connection, "select current_user"));
        Assert.False(await ScalarAsync<bool>(connection, "select rolsuper from pg_roles where rolname = current_user"));
        Assert.False(await ScalarAsync<bool>(connection, "select rolcreatedb or rolcreaterole from pg_roles where rolname = current_user"));
        Assert.Equal(LocalPostgres.ApplicationUser, await ScalarAsync<string>(connection, "select pg_get_userbyid(datdba) from pg_database where datname " +
            "= current_database()"));
    }

    [Fact]
    public async Task A_second_start_adopts_the_running_cluster_with_the_same_passwords_and_leaves_it_running_when_it_ends()
    {
        var again = await LocalPostgres.StartAsync(Path.GetDirectoryName(_postgres.PasswordFile)!);

        Assert.Equal(_postgres.Port, again.Port);
        await using (var connection = new NpgsqlConnection(again.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(LocalPostgres.DatabaseName, await ScalarAsync<string>(connection, "select current_database()"));
        }

        await again.DisposeAsync();

        // The fixture's start still holds its lease: the cluster is its to stop.
        await using var still = new NpgsqlConnection(_postgres.ConnectionString);
        await still.OpenAsync();
        Assert.Equal(1, await ScalarAsync<int>(still, "select 1"));
    }

    [Fact]
    public async Task Two_starts_at_once_in_a_new_folder_make_one_cluster_that_stops_with_the_last_of_them()
    {
        var folder = NewFolder();

        var both = await Task.WhenAll(LocalPostgres.StartAsync(folder, throwaway: true), LocalPostgres.StartAsync(folder, throwaway: true));

        Assert.Equal(both[0].Port, both[1].Port);
        var postmaster = File.ReadLines(Path.Combine(both[0].DataDirectory, "postmaster.pid")).First();
        await both[0].DisposeAsync();
        Assert.True(File.Exists(Path.Combine(both[1].DataDirectory, "postmaster.pid")), "The first to end stopped the cluster under the second.");
        await both[1].DisposeAsync();
        Assert.False(File.Exists(Path.Combine(both[1].DataDirectory, "postmaster.pid")), $"PostgreSQL (pid {postmaster}) runs after the last user ended.");
    }

    [Fact]
    public async Task A_cluster_left_running_without_passwords_by_an_older_version_moves_to_passwords_with_its_data()
    {
        var folder = NewFolder();
        var data = Path.Combine(folder, LocalPostgres.DataFolderName);
        var oldPort = await StartOldClusterAsync(data);
        var old = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = oldPort, Username = "kvk", Database = "postgres" };
        await ExecuteAsync(old.ConnectionString, "create database kvk");
        old.Database = "kvk";
        await ExecuteAsync(old.ConnectionString, "create schema kvk; create table kvk.recorded (year int primary key, recipient text collate " +
            "\"sv-SE-x-icu\"); insert into kvk.recorded values (2023, 'Höganäs kommun')");
        NpgsqlConnection.ClearAllPools();

        await using var migrated = await LocalPostgres.StartAsync(folder);

        await using var connection = new NpgsqlConnection(migrated.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("Höganäs kommun", await ScalarAsync<string>(connection, "select recipient from kvk.recorded where year = 2023"));
        Assert.Equal(LocalPostgres.ApplicationUser, await ScalarAsync<string>(connection, "select tableowner::text from pg_tables where " +
            "tablename = 'recorded'"));
        Assert.False(await ScalarAsync<bool>(connection, "select rolsuper from pg_roles where rolname = current_user"));
        Assert.DoesNotContain(
            File.ReadLines(Path.Combine(migrated.DataDirectory, "pg_hba.conf")),
            l => !l.StartsWith('#') && l.Contains("trust", StringComparison.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(migrated.PasswordFile));
        Assert.Equal(
            [LocalPostgresLease.FolderName, Path.GetFileName(migrated.PasswordFile), LocalPostgres.DataFolderName],
            Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        old.Database = "postgres";
        await using var oldWay = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(old.ConnectionString) { Port = migrated.Port }.ConnectionString);
        await Assert.ThrowsAnyAsync<Exception>(() => oldWay.OpenAsync());
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kvk-local-{Guid.NewGuid():N}");
        _folders.Add(folder);
        return folder;
    }

    /// <summary>A cluster as Kvk made it before it used passwords: initdb -A trust with superuser kvk, left running.</summary>
    private async Task<int> StartOldClusterAsync(string data)
    {
        Directory.CreateDirectory(data);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", data);
        }

        var port = LocalPostgres.FreePort();
        await RunAsync(Tool("initdb", "-D", data, "-U", "kvk", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"));
        await RunAsync(Tool("pg_ctl", "start", "-D", data, "-l", Path.Combine(data, "server.log"), "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "-w"));
        return port;
    }

    /// <summary>A server tool run as the cluster's owner, as the host runs it.</summary>
    private string[] Tool(string name, params string[] arguments) => Environment.IsPrivilegedProcess
        ? ["runuser", "-u", "postgres", "--", Path.Combine(_postgres.BinDirectory, name), .. arguments]
        : [Path.Combine(_postgres.BinDirectory, name), .. arguments];

    private async Task<(int ExitCode, string Output)> PsqlAsNobodyAsync(string user, string database, string? password)
    {
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        var port = _postgres.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in (string[])["-u", "nobody", "--", Path.Combine(_postgres.BinDirectory, "psql"), "-w", "-X", "-A", "-t",
                     "-h", "127.0.0.1", "-p", port, "-U", user, "-d", database, "-c", "select 1"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PGPASSWORD");
        start.Environment.Remove("PGPASSFILE");
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Trim() + await error);
    }

    private string PasswordOf(string user) =>
        File.ReadLines(_postgres.PasswordFile).Select(l => l.Split(':')).Single(f => f.Length == 5 && f[3] == user)[4];

    private static async Task RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', command)}: {await output}{await error}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

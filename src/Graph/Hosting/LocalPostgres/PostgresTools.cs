using System.Diagnostics;
using System.Globalization;

namespace Kvk.Graph.Hosting;

/// <summary>
/// The PostgreSQL programs installed on the machine (server and client, from one version's bin directory) and the
/// account they run as: PostgreSQL refuses root, so as root the server belongs to the <c>postgres</c> system user.
/// </summary>
public sealed class PostgresTools
{
    public const string SystemUser = "postgres";

    private PostgresTools(string binDirectory, bool asSystemUser)
    {
        BinDirectory = binDirectory;
        AsSystemUser = asSystemUser;
    }

    public string BinDirectory { get; }

    /// <summary>True when this process is root and the server's tools run as <see cref="SystemUser"/>.</summary>
    public bool AsSystemUser { get; }

    /// <summary>Finds the tools, or says in one sentence what to install.</summary>
    public static async Task<PostgresTools> FindAsync(CancellationToken cancellationToken)
    {
        var binDirectory = FindBinaries() ?? throw new LocalPostgresUnavailableException(
            "the PostgreSQL server (initdb, pg_ctl) is not installed: install it (Debian: apt-get install postgresql) " +
            "or set ConnectionStrings__Kvk to a database Kvk may use.");
        var asSystemUser = Environment.IsPrivilegedProcess;
        if (asSystemUser && await TryRunAsync("getent", ["passwd", SystemUser], cancellationToken) != 0)
        {
            throw new LocalPostgresUnavailableException(
                $"as root Kvk runs PostgreSQL as the system user '{SystemUser}' (PostgreSQL refuses root), and there is no such user: " +
                "install the PostgreSQL server package, which creates it (Debian: apt-get install postgresql), or run Kvk as an ordinary user.");
        }

        return new PostgresTools(binDirectory, asSystemUser);
    }

    /// <summary>Runs a server tool (initdb, pg_ctl) as the account that owns the cluster.</summary>
    public Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BinDirectory, tool);
        return AsSystemUser
            ? RunAsync("runuser", ["-u", SystemUser, "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    /// <summary>Runs a client tool (pg_dump, psql) as this process's own user.</summary>
    public Task RunClientToolAsync(
        string tool,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(BinDirectory, tool);
        if (!File.Exists(path))
        {
            throw new LocalPostgresUnavailableException($"{path} is missing: install the PostgreSQL client of the same version (Debian: apt-get " +
                "install postgresql-client).");
        }

        return RunAsync(path, arguments, cancellationToken, environment);
    }

    /// <summary>Whether the server's account can enter <paramref name="directory"/> (it cannot enter /root, mode 0700).</summary>
    public async Task<bool> ServerCanEnterAsync(string directory, CancellationToken cancellationToken) =>
        !AsSystemUser || await TryRunAsync("runuser", ["-u", SystemUser, "--", "test", "-x", directory], cancellationToken) == 0;

    /// <summary>Gives a directory the server creates or runs to the server's account.</summary>
    public Task HandOverAsync(string directory, CancellationToken cancellationToken) =>
        AsSystemUser ? RunAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", directory], cancellationToken) : Task.CompletedTask;

    private static async Task RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = await ExecuteAsync(fileName, arguments, environment, cancellationToken);
        if (exitCode != 0)
        {
            throw new LocalPostgresUnavailableException($"'{fileName} {string.Join(' ', arguments)}' failed with exit code {exitCode}: {output}");
        }
    }

    private static async Task<int> TryRunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        (await ExecuteAsync(fileName, arguments, null, cancellationToken)).ExitCode;

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(
        string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server's account may not be able to enter the caller's directory.
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new LocalPostgresUnavailableException($"could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await error + await output);
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
        return candidates.FirstOrDefault(d => IsFile(Path.Combine(d, "initdb")) && IsFile(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>A file, or a link that leads to one (not a link left behind by an uninstalled server).</summary>
    private static bool IsFile(string path) =>
        File.Exists(path) && (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is not { } target || target.Exists);
}

using System.Diagnostics;
using System.Globalization;
using Kvk.Bench.Profile;
using Kvk.Graph.Hosting;
using Npgsql;

namespace Kvk.Bench.Gala;

/// <summary>
/// The topology <c>ops/cluster</c> starts (PostgreSQL primary and streaming replica, three hosts of this build,
/// HAProxy, Varnish) on free loopback ports and a base directory of its own, for the gala scenario; stopped with
/// SIGTERM as an operator would, and its base removed.
/// </summary>
/// <param name="LiveConnections">Client connections open on HAProxy's live frontend.</param>
/// <param name="HaproxyKilobytes">HAProxy's resident memory.</param>
/// <param name="HostKilobytes">Each running host's resident memory.</param>
public sealed record GalaResources(int LiveConnections, long HaproxyKilobytes, IReadOnlyList<long> HostKilobytes);

public sealed class GalaCluster : IAsyncDisposable
{
    public const string Token = "gala-benchmark-token-7c21";
    public const string Replica = "replica";
    public static readonly string[] Hosts = ["kvk1", "kvk2", "kvk3"];

    private readonly Process _script;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private GalaCluster(Process script, string baseDirectory, int[] ports)
    {
        _script = script;
        Base = baseDirectory;
        (VarnishPort, HaproxyPort, StatsPort, PrimaryPort, LivePort, SecretariatPort) = (ports[0], ports[1], ports[2], ports[6], ports[8], ports[9]);
        HostPorts = ports[3..6];
    }

    /// <summary>The hosts' own ports, kvk1 to kvk3.</summary>
    public IReadOnlyList<int> HostPorts { get; }

    public string Base { get; }

    public int VarnishPort { get; }

    public int HaproxyPort { get; }

    public int StatsPort { get; }

    public int PrimaryPort { get; }

    public int LivePort { get; }

    public int SecretariatPort { get; }

    public Uri Varnish => new($"http://127.0.0.1:{VarnishPort}");

    /// <summary>Where watchers connect: HAProxy's frontend for subscriptions.</summary>
    public Uri Live => new($"http://127.0.0.1:{LivePort}");

    /// <summary>Where the secretariat's requests go: HAProxy's frontend for requests with a token.</summary>
    public Uri Secretariat => new($"http://127.0.0.1:{SecretariatPort}");

    public string PrimaryConnectionString => $"Host=127.0.0.1;Port={PrimaryPort};Username=kvk;Passfile={Path.Combine(Base, "pgpass")};Database=kvk";

    public static async Task<GalaCluster> StartAsync(TextWriter log)
    {
        var ports = new HashSet<int>();
        while (ports.Count < 10)
        {
            ports.Add(LocalPostgres.FreePort());
        }

        var p = ports.ToArray();
        string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
        var baseDirectory = Path.Combine(Path.GetTempPath(), $"kvk-gala-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(RepositoryRoot, "ops", "cluster"), "--base", baseDirectory, "--host-dll", HostProcess.HostAssembly,
            "--varnish-port", Text(p[0]), "--haproxy-port", Text(p[1]), "--stats-port", Text(p[2]),
            "--host-ports", string.Join(',', p[3..6].Select(Text)), "--primary-port", Text(p[6]), "--replica-port", Text(p[7]),
            "--haproxy-live-port", Text(p[8]), "--haproxy-secretariat-port", Text(p[9]),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KVK_SECRETARIAT_TOKEN"] = Token;
        start.Environment["KVK_SECRETARIAT_NAME"] = "Gala Benchmark";
        // Nothing else: the hosts run with the documented defaults (the rate limit on, the caps per client, the log).
        var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var cluster = new GalaCluster(script, baseDirectory, p);
        script.OutputDataReceived += (_, e) => cluster.Read(e.Data, log);
        script.ErrorDataReceived += (_, e) => cluster.Read(e.Data, log);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        if (await Task.WhenAny(cluster._ready.Task, script.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(5))) != cluster._ready.Task)
        {
            await cluster.DisposeAsync();
            throw new InvalidOperationException("ops/cluster did not come up:\n" + string.Join('\n', cluster._output));
        }

        return cluster;
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Kvk.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Run the harness from the repository.");
        }
    }

    private void Read(string? line, TextWriter log)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.StartsWith('[') || line.StartsWith("Kvk cluster up", StringComparison.Ordinal))
        {
            log.WriteLine($"  ops/cluster: {line}");
        }

        if (line == "Ctrl-C (or SIGTERM) stops everything.")
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>Ends a host, or the replica's postmaster (<see cref="Replica"/>), at once with SIGKILL, as a crash would.</summary>
    public void Kill(string part)
    {
        var pidFile = part == Replica ? Path.Combine(Base, Replica, "postmaster.pid") : Path.Combine(Base, "run", part + ".pid");
        using var process = Process.GetProcessById(int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture));
        process.Kill();
    }

    /// <summary>
    /// Starts the killed replica again with the command <c>ops/cluster</c> started it with (as an operator would, until it
    /// starts: the killed postmaster's children may hold its shared memory for a moment), then waits until every host that
    /// runs reads from it again.
    /// </summary>
    public async Task RestartReplicaAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        using (var start = Process.Start("bash", [Path.Combine(Base, "run", Replica + ".start")]))
        {
            await start.WaitForExitAsync();
            if (start.ExitCode != 0)
            {
                throw new InvalidOperationException($"The replica did not start again (exit code {start.ExitCode}).");
            }
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < HostPorts.Count; i++)
        {
            if (!File.Exists(Path.Combine(Base, "run", $"kvk{i + 1}.pid")))
            {
                continue;
            }

            while (!(await ReadinessAsync(client, HostPorts[i])).Contains("\"readsFrom\":\"replica\"", StringComparison.Ordinal))
            {
                await PauseOrThrowAsync(clock, within, $"kvk{i + 1} did not read from the replica again");
            }
        }
    }

    private static async Task<string> ReadinessAsync(HttpClient client, int port)
    {
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));
            return await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "";
        }
    }

    private static Task PauseOrThrowAsync(Stopwatch clock, TimeSpan within, string what) => clock.Elapsed < within
        ? Task.Delay(TimeSpan.FromMilliseconds(500))
        : throw new TimeoutException($"{what} within {within.TotalSeconds:0} s.");

    /// <summary>
    /// What the watchers hold: the client connections HAProxy's live frontend has open (its statistics page) and the
    /// resident memory of HAProxy and of each host (kB, from /proc), for the capacity plan.
    /// </summary>
    public async Task<GalaResources> ResourcesAsync()
    {
        using var stats = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{StatsPort}") };
        var csv = await stats.GetStringAsync("/stats;csv");
        var live = csv.Split('\n').Select(line => line.Split(',')).First(f => f.Length > 4 && f[0] == "live" && f[1] == "FRONTEND");
        return new GalaResources(
            int.Parse(live[4], CultureInfo.InvariantCulture),
            ResidentKilobytes("haproxy"),
            Hosts.Where(h => File.Exists(Path.Combine(Base, "run", h + ".pid"))).Select(ResidentKilobytes).Where(k => k > 0).ToList());
    }

    /// <summary>Each running host's CPU time so far, by the kind of its threads (<see cref="ProcessCpu.ByThreadKind"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, TimeSpan>> HostCpu() => Hosts
        .Select(h => (Host: h, Pid: Pid(h)))
        .Where(h => h.Pid is not null && Directory.Exists($"/proc/{h.Pid}"))
        .ToDictionary(h => h.Host, h => ProcessCpu.ByThreadKind(h.Pid!.Value), StringComparer.Ordinal);

    private int? Pid(string part) =>
        int.TryParse(File.ReadAllText(Path.Combine(Base, "run", part + ".pid")).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    private long ResidentKilobytes(string part)
    {
        // A killed host's pid file may outlive it: it holds nothing.
        var status = Pid(part) is { } pid ? $"/proc/{pid}/status" : null;
        if (status is null || !File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>Varnish's counters now (<c>varnishstat -1</c>), by name, e.g. MAIN.cache_hit.</summary>
    public async Task<IReadOnlyDictionary<string, long>> VarnishCountersAsync()
    {
        var start = new ProcessStartInfo("varnishstat") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-1", "-n", Path.Combine(Base, "varnish", "work") })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("varnishstat did not start.");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Split('\n')
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 2 && fields[0].StartsWith("MAIN.", StringComparison.Ordinal) && long.TryParse(
                fields[1],
                CultureInfo.InvariantCulture,
                out _))
            .ToDictionary(fields => fields[0], fields => long.Parse(fields[1], CultureInfo.InvariantCulture));
    }

    /// <summary>When the announcement of <paramref name="year"/> committed on the primary (its commit timestamp), on this machine's clock.</summary>
    public async Task<DateTimeOffset> AnnouncedAtAsync(int year)
    {
        await using var connection = new NpgsqlConnection(PrimaryConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select pg_xact_commit_timestamp(xmin) from kvk.mt_events where stream_id = $1 and type = 'award_announced'", connection);
        command.Parameters.AddWithValue($"round-{year}");
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetFieldValue<DateTimeOffset>(0) : throw new InvalidOperationException(
            $"The award of {year} was not recorded.");
    }

    /// <summary>
    /// The hosts' own account of each change they pushed (the change feed's log: waiting for the replica, reading, handing
    /// over) of the round of <paramref name="year"/>, each line with its host's name: where the time between the commit and
    /// the watchers goes on the server.
    /// </summary>
    public IEnumerable<string> PushedLines(int year) => Directory.EnumerateFiles(Path.Combine(Base, "logs"), "kvk*.log").Order(StringComparer.Ordinal)
        .SelectMany(file => File.ReadLines(file)
            .Where(line => line.Contains($"Pushed the changes to rounds {year} ", StringComparison.Ordinal))
            .Select(line => $"{Path.GetFileNameWithoutExtension(file)}: {line.Trim()}"))
        .ToList();

    public async ValueTask DisposeAsync()
    {
        if (!_script.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _script.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            try
            {
                await _script.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _script.Kill(entireProcessTree: true);
            }
        }

        _script.Dispose();
        if (Directory.Exists(Base))
        {
            Directory.Delete(Base, recursive: true);
        }
    }
}

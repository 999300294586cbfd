using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Kvk.Bench;
using Kvk.Graph.Hosting;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Ops;

/// <summary>The loopback ports of one run of <c>ops/cluster</c>, all free when chosen.</summary>
public sealed record ClusterPorts(int Varnish, int Haproxy, int Stats, IReadOnlyList<int> Hosts, int Primary, int Replica)
{
    /// <summary>HAProxy's frontend of subscriptions (WebSocket, SSE).</summary>
    public int HaproxyLive { get; init; }

    /// <summary>HAProxy's frontend of requests with a token.</summary>
    public int HaproxySecretariat { get; init; }

    public static ClusterPorts Free()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 10)
        {
            ports.Add(LocalPostgres.FreePort());
        }

        var p = ports.ToArray();
        return new ClusterPorts(p[0], p[1], p[2], [p[3], p[4], p[5]], p[6], p[7]) { HaproxyLive = p[8], HaproxySecretariat = p[9] };
    }

    public string[] Options =>
    [
        "--varnish-port", Text(Varnish), "--haproxy-port", Text(Haproxy), "--haproxy-live-port", Text(HaproxyLive),
        "--haproxy-secretariat-port", Text(HaproxySecretariat), "--stats-port", Text(Stats),
        "--host-ports", string.Join(',', Hosts.Select(Text)), "--primary-port", Text(Primary), "--replica-port", Text(Replica),
    ];

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>ops/cluster</c> run as an operator runs it (primary, replica, three hosts of this build, HAProxy, Varnish) on free
/// loopback ports and a base directory of its own; stopped with SIGTERM, as Ctrl-C or a service manager would.
/// </summary>
public sealed class OpsCluster : IAsyncDisposable
{
    public const string Token = "ops-cluster-test-token-3f9c";
    public const string ReadyLine = "Ctrl-C (or SIGTERM) stops everything.";
    public static readonly string[] Hosts = ["kvk1", "kvk2", "kvk3"];

    private readonly Process _script;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OpsCluster(Process script, string baseDirectory, ClusterPorts ports)
    {
        _script = script;
        Base = baseDirectory;
        Ports = ports;
    }

    public string Base { get; }

    public ClusterPorts Ports { get; }

    public Uri Varnish => Loopback(Ports.Varnish);

    /// <summary>HAProxy's frontend of public reads (the one Varnish fetches from).</summary>
    public Uri Haproxy => Loopback(Ports.Haproxy);

    /// <summary>HAProxy's frontend of subscriptions, where watchers may connect directly.</summary>
    public Uri HaproxyLive => Loopback(Ports.HaproxyLive);

    public Uri Host(int index) => Loopback(Ports.Hosts[index]);

    /// <summary>The passwords the script generated (PostgreSQL's password file).</summary>
    public string PasswordFile => Path.Combine(Base, "pgpass");

    public string PrimaryConnectionString => $"Host=127.0.0.1;Port={Ports.Primary};Username=kvk;Passfile={PasswordFile};Database=kvk";

    public string ReplicaConnectionString => $"Host=127.0.0.1;Port={Ports.Replica};Username=kvk;Passfile={PasswordFile};Database=kvk";

    public string PrimarySuperuserConnectionString => $"Host=127.0.0.1;Port={Ports.Primary};Username=postgres;Passfile={PasswordFile};Database=postgres";

    /// <summary>The replica's superuser, who alone may pause and resume its replay.</summary>
    public string ReplicaSuperuserConnectionString => $"Host=127.0.0.1;Port={Ports.Replica};Username=postgres;Passfile={PasswordFile};Database=postgres";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static string Script => Path.Combine(Repository.Root, "ops", "cluster");

    /// <param name="environment">More environment for the script and so for the hosts, e.g. <c>Kvk__Replica__MaxLagSeconds</c>.</param>
    /// <param name="options">More options of the script, e.g. <c>--replica-apply-delay</c>.</param>
    public static async Task<OpsCluster> StartAsync(IReadOnlyDictionary<string, string>? environment = null, params string[] options)
    {
        var ports = ClusterPorts.Free();
        var baseDirectory = Path.Combine(Path.GetTempPath(), $"kvk-ops-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Script, "--base", baseDirectory, "--host-dll", HostProcess.HostAssembly }.Concat(ports.Options).Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KVK_SECRETARIAT_TOKEN"] = Token;
        start.Environment["KVK_SECRETARIAT_NAME"] = "Ops Tester";
        // Every client of a test comes from 127.0.0.1, so a per-client limit would be one limit for all of them.
        start.Environment["Kvk__RateLimiting__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var cluster = new OpsCluster(script, baseDirectory, ports);
        script.OutputDataReceived += (_, e) => cluster.Read(e.Data);
        script.ErrorDataReceived += (_, e) => cluster.Read(e.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        var exited = script.WaitForExitAsync();
        if (await Task.WhenAny(cluster._ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(3))) != cluster._ready.Task)
        {
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"ops/cluster did not come up:\n{cluster.Output}");
        }

        return cluster;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line == ReadyLine)
        {
            _ready.TrySetResult();
        }
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");

    /// <summary>The process id of one of the started processes (kvk1, kvk2, kvk3, haproxy, varnish), from the script's run/ folder.</summary>
    public int ProcessId(string name) => int.Parse(File.ReadAllText(Path.Combine(Base, "run", name + ".pid")).Trim(), CultureInfo.InvariantCulture);

    public string Log(string name) => File.ReadAllText(Path.Combine(Base, "logs", name + ".log"));

    /// <summary>What the hosts logged of changes published before their replica had replayed them, for a failure's message.</summary>
    public string ReplayWarnings()
    {
        var warnings = Hosts.SelectMany(host => Log(host).Split('\n')
                .Where(line => line.Contains("replayed the change", StringComparison.Ordinal))
                .Select(line => $"{host}: {line.Trim()}"))
            .ToList();
        return warnings.Count == 0 ? "No host published a change before its replica had replayed it." : string.Join('\n', warnings);
    }

    /// <summary>What HAProxy's statistics say of each host now: its check status (UP, DOWN, …).</summary>
    public async Task<IReadOnlyDictionary<string, string>> HostsSeenByHaproxyAsync()
    {
        using var client = new HttpClient();
        var csv = await client.GetStringAsync($"http://127.0.0.1:{Ports.Stats}/stats;csv");
        return csv.Split('\n')
            .Select(line => line.Split(','))
            .Where(f => f.Length > 17 && f[0] == "reads" && Hosts.Contains(f[1]))
            .ToDictionary(f => f[1], f => f[17]);
    }

    /// <summary>One command of HAProxy's runtime API (its stats socket), e.g. <c>set server reads/kvk1 state maint</c>; its answer.</summary>
    public async Task<string> HaproxyCommandAsync(string command)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Path.Combine(Base, "run", "haproxy.sock")));
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\n"));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    public static HttpClient Client(Uri address, bool secretariat = false)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (secretariat)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        }

        return client;
    }

    public bool Running => !_script.HasExited;

    /// <summary>Sends SIGTERM to the script, as a service manager would, and waits for it to stop what it started.</summary>
    public async Task<int> StopAsync()
    {
        if (!_script.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _script.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _script.WaitForExitAsync(timeout.Token);
        return _script.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            _script.Kill(entireProcessTree: true);
        }

        _script.Dispose();
        if (Directory.Exists(Base))
        {
            Directory.Delete(Base, recursive: true);
        }
    }
}

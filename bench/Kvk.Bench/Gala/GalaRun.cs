using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Bench.Profile;

namespace Kvk.Bench.Gala;

/// <param name="WebSockets">Watchers over WebSocket.</param>
/// <param name="ServerSentEvents">Watchers over Server-Sent Events.</param>
/// <param name="ReadConnections">wrk's connections to Varnish.</param>
/// <param name="ReadsPerSecond">The steady rate of public reads, over all connections (each pauses between its reads).</param>
/// <param name="Seconds">How long the reads run; the announcement comes at the middle.</param>
/// <param name="Newsroom">Watchers behind one address (a newsroom's NAT), the first of them.</param>
/// <param name="WatchersPerAddress">Watchers to an address among the rest (the public at home).</param>
public sealed record GalaOptions(
    int WebSockets = 6000, int ServerSentEvents = 4000, int ReadConnections = 32, int ReadsPerSecond = 2000, int Seconds = 20, int Newsroom = 3000,
    int WatchersPerAddress = 20)
{
    public int Watchers => WebSockets + ServerSentEvents;
}

/// <summary>One announcement measured: to the watchers, at the edge, and the reads meanwhile.</summary>
/// <param name="Killed">The part killed with SIGKILL, if any: a host just before the announcement, the replica before the round.</param>
/// <param name="Mutations">The secretariat's mutations of the scenario (the round's steps and the announcement).</param>
/// <param name="FailedMutations">Of them, the requests that failed or were refused (each then sent again).</param>
/// <param name="DeliveryCpuMs">Each host's CPU time from just before the announcement was sent until every watcher had it, in
/// milliseconds by the kind of its threads (<see cref="ProcessCpu.ByThreadKind"/>): the work of the hand-over apart from the
/// runtime's compiling and collecting.</param>
public sealed record GalaScenario(
    string Name, int Year, string? Killed, int Watchers, int Received, IReadOnlyList<double> DeliveryMs, double AcknowledgedMs,
    double? EdgeShownMs, int Reconnected, int ReconnectedAfterCommit, LoadResult Reads, IReadOnlyDictionary<string, long> Varnish,
    int Mutations = 0, int FailedMutations = 0, GalaResources? Held = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? DeliveryCpuMs = null);

public sealed record GalaReport(GalaOptions Options, IReadOnlyList<GalaScenario> Scenarios, TimeSpan ClusterStart);

/// <summary>
/// The night of the announcement, against the topology <c>ops/cluster</c> starts: watchers of <c>awardAnnounced</c>
/// spread over the hosts through HAProxy (WebSocket and SSE), a steady load of public reads through Varnish (wrk),
/// then the announcement (the secretariat's mutation). Measured: from the commit to each watcher, how many got it,
/// when Varnish first showed it, the reads served by Varnish and by the hosts, failed requests. Then again with the
/// replica killed before the round is recorded (the hosts read the primary; no mutation may fail, every read is
/// answered), and, the replica started again, with one host killed (SIGKILL) a moment before the announcement.
/// </summary>
public static class GalaRun
{
    private const int LastKnownAward = 2023;
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(60);

    public static async Task<GalaReport> RunAsync(GalaOptions options, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await GalaCluster.StartAsync(log);
        var started = clock.Elapsed;
        log.WriteLine($"Cluster up in {started.TotalSeconds:0} s under {cluster.Base}.");
        using var secretariat = new HttpClient { BaseAddress = cluster.Secretariat, Timeout = TimeSpan.FromSeconds(60) };
        secretariat.DefaultRequestHeaders.Authorization = new("Bearer", GalaCluster.Token);

        var scenarios = new List<GalaScenario>
        {
            await AnnounceAsync(cluster, secretariat, options, "all three hosts up", 2027, LastKnownAward, null, log),
            await AnnounceAsync(cluster, secretariat, options, "the replica killed (SIGKILL) before the round", 2029, 2027, GalaCluster.Replica, log),
        };

        // Each scenario has one part failed, the others up: the replica is started again (as an operator would) before a host is killed.
        await cluster.RestartReplicaAsync(TimeSpan.FromMinutes(3));
        log.WriteLine("The replica was started again; every host reads from it.");
        scenarios.Add(await AnnounceAsync(cluster, secretariat, options, "kvk2 killed (SIGKILL) just before", 2031, 2029, "kvk2", log));
        return new GalaReport(options, scenarios, started);
    }

    private static async Task<GalaScenario> AnnounceAsync(
        GalaCluster cluster, HttpClient secretariat, GalaOptions options, string name, int year, int afterYear, string? kill, TextWriter log)
    {
        log.WriteLine($"Scenario: {name}. The round of {year} is decided; {options.Watchers} watchers subscribe.");
        if (kill == GalaCluster.Replica)
        {
            cluster.Kill(kill);
            log.WriteLine($"  {kill} killed with SIGKILL.");
        }

        var failed = 0;
        var mutations = 0;
        foreach (var mutation in new[]
        {
            $"openRound(input: {{ year: {year} }})",
            $"nominateMunicipality(input: {{ year: {year}, municipalityCode: \"1283\" }})",
            $"nominateMunicipality(input: {{ year: {year}, municipalityCode: \"0180\" }})",
            $"closeNominations(input: {{ year: {year} }})",
            $"recordJuryDecision(input: {{ year: {year}, municipalityCode: \"1283\", motivation: \"Galakvällens motivering.\" }})",
        })
        {
            failed += await MutateAsync(secretariat, mutation, log);
            mutations++;
        }

        var parallel = 100;
        await using var watchers = await Watchers.OpenAsync(cluster.Live, options, afterYear, year, parallel, TimeSpan.FromMinutes(3));
        log.WriteLine($"  {watchers.All.Count} watchers subscribed through HAProxy ({options.WebSockets} WebSocket, {options.ServerSentEvents} SSE; " +
            $"{options.Newsroom} from {WatcherAddresses.Newsroom}, the rest {options.WatchersPerAddress} to an address).");
        var held = await cluster.ResourcesAsync();
        log.WriteLine($"  HAProxy's live frontend holds {held.LiveConnections:N0} client connections; resident memory: HAProxy " +
            $"{held.HaproxyKilobytes / 1024:N0} MB, hosts {string.Join(", ", held.HostKilobytes.Select(k => $"{k / 1024:N0} MB"))}.");

        var before = await cluster.VarnishCountersAsync();
        var pause = options.ReadConnections * 1000.0 / options.ReadsPerSecond;
        var reads = Wrk.RunAsync(
            cluster.Varnish.ToString().TrimEnd('/'),
            ReadScript(year, pause),
            options.ReadConnections,
            TimeSpan.FromSeconds(options.Seconds));
        // Until Varnish shows the award, at most its keeping time (max-age and stale-while-revalidate) after the reads end.
        var edge = WatchTheEdgeAsync(cluster.Varnish, year, TimeSpan.FromSeconds(options.Seconds + 40));
        await Task.Delay(TimeSpan.FromSeconds(options.Seconds / 2.0));

        if (kill is not null && kill != GalaCluster.Replica)
        {
            cluster.Kill(kill);
            log.WriteLine($"  {kill} killed with SIGKILL.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var cpuBefore = cluster.HostCpu();
        var sent = DateTimeOffset.UtcNow;
        failed += await MutateAsync(secretariat, $"announceAward(input: {{ year: {year}, clientMutationId: \"gala-{year}\" }})", log);
        mutations++;
        var acknowledged = DateTimeOffset.UtcNow;
        var committed = await cluster.AnnouncedAtAsync(year);
        log.WriteLine($"  Announced: committed at {committed:HH:mm:ss.fff}, acknowledged {(acknowledged - sent).TotalMilliseconds:0} ms after it was sent.");

        var deadline = Stopwatch.StartNew();
        while (watchers.All.Any(w => w.ReceivedAt is null) && deadline.Elapsed < DeliveryBound)
        {
            await Task.Delay(50);
        }

        var deliveryCpu = DeliveryCpu(cpuBefore, cluster.HostCpu());
        var load = await reads;

        // Read once the reads are over: a host logs a push after its hand-over, and its logger writes a moment later.
        foreach (var line in cluster.PushedLines(year))
        {
            log.WriteLine($"  {line}");
        }

        var shown = await edge;
        var after = await cluster.VarnishCountersAsync();
        var delivered = watchers.All.Where(w => w.ReceivedAt is not null).Select(w => (w.ReceivedAt!.Value - committed).TotalMilliseconds).Order().ToList();
        var reconnected = watchers.All.Count(w => w.Connections > 1);
        var reconnectedAfterCommit = watchers.All.Count(w => w.Connections > 1 && w.LastConnectedTicks > committed.UtcTicks);
        var counters = after.Keys.ToDictionary(k => k, k => after[k] - before.GetValueOrDefault(k));
        var scenario = new GalaScenario(
            name, year, kill, watchers.All.Count, delivered.Count, delivered, (acknowledged - sent).TotalMilliseconds,
            shown is { } at ? (at - committed).TotalMilliseconds : null, reconnected, reconnectedAfterCommit, load, counters, mutations, failed, held,
            deliveryCpu);
        log.WriteLine($"  {delivered.Count} of {watchers.All.Count} watchers got the award; from the commit: median {Percentile(delivered, 0.5):0} ms, p99 " +
            $"{Percentile(delivered, 0.99):0} ms, last {delivered.LastOrDefault():0} ms; {reconnected} reconnected, {reconnectedAfterCommit} of " +
            "them after the commit.");
        log.WriteLine($"  Reads through Varnish: {load.Requests:N0} ({load.RequestsPerSecond:N0}/s, p50 {load.P50Ms:0.00} ms, p99 {load.P99Ms:0.00} ms), " +
            $"{load.Errors} failed answers, {load.SocketErrors} socket errors; Varnish hits {counters.GetValueOrDefault("MAIN.cache_hit")}, backend requests " +
            $"{counters.GetValueOrDefault("MAIN.backend_req")}.");
        foreach (var (host, kinds) in deliveryCpu)
        {
            log.WriteLine($"  {host}: {kinds.Values.Sum():0} ms of CPU during the delivery ({string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value:0}"))}).");
        }

        foreach (var missing in watchers.All.Where(w => w.ReceivedAt is null).Take(5))
        {
            log.WriteLine($"  watcher {missing.Id} ({(missing.OverWebSocket ? "WebSocket" : "SSE")}) got nothing; connections {missing.Connections}, last " +
                $"error: {missing.LastError ?? "none"}");
        }

        return scenario;
    }

    /// <summary>Each host's CPU time between two readings, by the kind of its threads; a host gone by the second is left out.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, double>> DeliveryCpu(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, TimeSpan>> before, IReadOnlyDictionary<string, IReadOnlyDictionary<string, TimeSpan>> after) =>
        after.Where(h => before.ContainsKey(h.Key)).ToDictionary(
            h => h.Key,
            h => (IReadOnlyDictionary<string, double>)h.Value
                .Select(k => (k.Key, Ms: (k.Value - before[h.Key].GetValueOrDefault(k.Key)).TotalMilliseconds))
                .Where(k => k.Ms > 0).OrderByDescending(k => k.Ms).ToDictionary(k => k.Key, k => k.Ms, StringComparer.Ordinal),
            StringComparer.Ordinal);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Asks Varnish for the year's award every 50 ms, as a visitor reloading would; returns when it first showed it.</summary>
    private static async Task<DateTimeOffset?> WatchTheEdgeAsync(Uri varnish, int year, TimeSpan within)
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = varnish };
        var address = "/graphql?query=" + Uri.EscapeDataString($"{{ award(year: {year}) {{ year recipientName }} }}");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            try
            {
                using var response = await client.GetAsync(address);
                if ((await response.Content.ReadAsStringAsync()).Contains("recipientName", StringComparison.Ordinal))
                {
                    return DateTimeOffset.UtcNow;
                }
            }
            catch (HttpRequestException)
            {
                // Counted with the reads; the next ask comes anyway.
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>
    /// What the public asks during the announcement, in turn: the latest award (the persisted document, over GET),
    /// the round of the year, and the explorer's first page; as a browser asks, with gzip. Each connection pauses
    /// <paramref name="pauseMs"/> before each read, for a steady rate rather than as many as the machine can make.
    /// </summary>
    private static string ReadScript(int year, double pauseMs)
    {
        var latest = "/graphql?documentId=sha256:" + Kvk.Graph.Engine.Pipeline.ParsedDocumentCache.Sha256(File.ReadAllText(Path.Combine(
            AppContext.BaseDirectory,
            "PersistedDocuments",
            "LatestAward.graphql")));
        var round = "/graphql?query=" + Uri.EscapeDataString($"{{ round(year: {year}) {{ year status nominees {{ municipality {{ name }} }} award {{ " +
            "recipientName motivation } } }");
        return $$"""
            local paths = { "{{latest}}", "{{round}}", "/" }
            local n = 0
            delay = function()
              return {{pauseMs.ToString("0", System.Globalization.CultureInfo.InvariantCulture)}}
            end
            request = function()
              n = n + 1
              return wrk.format("GET", paths[(n % 3) + 1], {
                ["Accept"] = "application/graphql-response+json, application/json, text/html",
                ["Accept-Encoding"] = "gzip" })
            end
            """;
    }

    /// <summary>
    /// Sends a mutation as the secretariat, again when its request fails on the way or the proxy answers for a host
    /// that died with it (the proxy cannot know whether it arrived); a mutation that must not run twice carries a
    /// clientMutationId, so that the host records it once. Answers how many of its requests failed.
    /// </summary>
    private static async Task<int> MutateAsync(HttpClient secretariat, string mutation, TextWriter log)
    {
        var body = JsonSerializer.Serialize(new { query = $"mutation {{ {mutation} {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}" });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await secretariat.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    // The proxy's own answer: the host it chose died, or none was free.
                    throw new HttpRequestException($"HAProxy answered {(int)response.StatusCode}", null, response.StatusCode);
                }

                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                var payload = answer?["data"]?.AsObject().Single().Value;
                if (payload?["round"] is null || payload["errors"] is not null)
                {
                    throw new InvalidOperationException($"The mutation {mutation} was not accepted: {answer?.ToJsonString()}");
                }

                return attempt - 1;
            }
            catch (HttpRequestException e) when (attempt < 5)
            {
                log.WriteLine($"  The request of {mutation} failed ({e.Message}); sent again.");
            }
        }
    }
}

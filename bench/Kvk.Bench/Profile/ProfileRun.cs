using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Hosting;

namespace Kvk.Bench.Profile;

/// <param name="Filter">Which queries: those sent to the API whose name holds it ("busting": the cache-busting filtered page and search).</param>
/// <param name="DurationSeconds">How long each query is measured.</param>
/// <param name="HostWarmupSeconds">
/// How long the new host first serves each query, so that its hot paths are compiled. 8 s was too short on these 2 cores:
/// under perf, the runtime still compiled 2,886 methods (tier-up) while the filtered page was measured, 10 % of the host's
/// samples on its compiling thread, and the host's CPU per request was twice what it is after 30 s (408 µs against 204 µs).
/// </param>
/// <param name="BareSeconds">How long the bare endpoint serves each query's bytes, for the reference; 0 for none.</param>
/// <param name="PerfDirectory">Where <c>perf</c>'s samples of the host and their reports go (<see cref="PerfSampler"/>); null for no sampling.</param>
public sealed record ProfileOptions(
    string Filter, int Connections = 16, int DurationSeconds = 12, int HostWarmupSeconds = 30, int BareSeconds = 5, string? PerfDirectory = null);

/// <summary>What one query cost per request while it was measured, host and PostgreSQL apart.</summary>
/// <param name="Requests">The requests the host counted (its profile's whole requests), which every figure is divided by.</param>
/// <param name="Phases">The host's phases over the run (<see cref="RequestProfile"/>): the difference of two readings.</param>
public sealed record QueryProfile(
    BenchQuery Query,
    LoadResult Load,
    LoadResult? Bare,
    long Requests,
    IReadOnlyDictionary<string, PhaseTotal> Phases,
    TimeSpan HostCpu,
    TimeSpan PostgresCpu,
    IReadOnlyList<StatementFigures> Statements);

/// <summary>
/// <c>--profile</c>: where a request's time goes, host and PostgreSQL apart. A cluster of the harness's own with
/// <c>pg_stat_statements</c> loaded, a Release host with the request profile enabled (<c>Kvk:Profile:Enabled</c>) and the
/// seed history; each query under wrk's load, between two readings of the host's phases (<c>GET /_profile</c>), of
/// PostgreSQL's statements and of both processes' CPU time.
/// </summary>
public static class ProfileRun
{
    public static async Task<IReadOnlyList<QueryProfile>> RunAsync(ProfileOptions options, TextWriter log)
    {
        var queries = BenchQuery.All.Concat(BenchQuery.References)
            .Where(q => q.Path is null && q.Name.Contains(options.Filter, StringComparison.Ordinal))
            .ToList();
        if (queries.Count == 0)
        {
            throw new ArgumentException($"No query sent to the API has '{options.Filter}' in its name.");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"kvk-profile-{Guid.NewGuid():N}");
        try
        {
            await using var postgres = await LocalPostgres.StartAsync(directory);
            var statistics = new StatementStatistics(postgres);
            await statistics.EnableAsync();
            await using var bare = await BareServer.StartAsync();
            var environment = options.PerfDirectory is null ? new Dictionary<string, string>() : PerfSampler.HostEnvironment;
            await using var host = await HostProcess.StartAsync(postgres.ConnectionString, environment, $"--{RequestProfile.EnabledKey}=true");
            foreach (var query in queries)
            {
                await Wrk.RunAsync(host.Url, query.WrkScript(), options.Connections, TimeSpan.FromSeconds(options.HostWarmupSeconds));
            }

            var profiles = new List<QueryProfile>();
            foreach (var query in queries)
            {
                profiles.Add(await MeasureAsync(query, host, bare, statistics, options, log));
            }

            return profiles;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<QueryProfile> MeasureAsync(
        BenchQuery query, HostProcess host, BareServer bare, StatementStatistics statistics, ProfileOptions options, TextWriter log)
    {
        using var client = new HttpClient();
        using (var request = query.Request(host.Url))
        {
            using var response = await client.SendAsync(request);
            bare.Serve(await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.ToString() ?? "application/json");
        }

        var phases = await SettledPhasesAsync(client, host);
        await statistics.ResetAsync();
        var (hostCpu, postgresCpu) = (host.CpuTime, ProcessCpu.OfTree(statistics.PostmasterId));
        var sampler = options.PerfDirectory is { } perf ? PerfSampler.Start(perf, query.Name, host.Id) : null;
        var load = await Wrk.RunAsync(host.Url, query.WrkScript(), options.Connections, TimeSpan.FromSeconds(options.DurationSeconds));
        if (sampler is not null)
        {
            log.WriteLine($"{query.Name}: perf's samples and reports in {await sampler.StopAsync()}.*");
        }

        var phasesAfter = await SettledPhasesAsync(client, host);
        var (hostCpuAfter, postgresCpuAfter) = (host.CpuTime, ProcessCpu.OfTree(statistics.PostmasterId));
        var statements = await statistics.ReadAsync();
        var bareLoad = options.BareSeconds > 0
            ? await Wrk.RunAsync(bare.Url, query.WrkScript(), options.Connections, TimeSpan.FromSeconds(options.BareSeconds))
            : null;

        var difference = phasesAfter.ToDictionary(
            p => p.Key,
            p => new PhaseTotal(p.Value.Count - phases[p.Key].Count, p.Value.Microseconds - phases[p.Key].Microseconds));
        var requests = difference[RequestProfile.JsonName(ProfilePhase.Request)].Count;
        var (hostUs, postgresUs) = ((hostCpuAfter - hostCpu).TotalMicroseconds / requests, (postgresCpuAfter - postgresCpu).TotalMicroseconds / requests);
        log.WriteLine($"{query.Name,-40} {load.RequestsPerSecond,9:N0} req/s under the profile, {requests:N0} requests; host CPU {hostUs:N0} µs, " +
            $"PostgreSQL CPU {postgresUs:N0} µs per request");
        return load.Errors > 0
            ? throw new InvalidOperationException($"{load.Errors} requests of '{query.Name}' failed under load.")
            : new QueryProfile(query, load, bareLoad, requests, difference, hostCpuAfter - hostCpu, postgresCpuAfter - postgresCpu, statements);
    }

    /// <summary>
    /// The host's phases once the requests wrk left behind have ended (wrk stops with requests under way, which the host
    /// still finishes): two readings a moment apart that count the same requests.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, PhaseTotal>> SettledPhasesAsync(HttpClient client, HostProcess host)
    {
        var request = RequestProfile.JsonName(ProfilePhase.Request);
        var reading = await PhasesAsync(client, host);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Task.Delay(200);
            var next = await PhasesAsync(client, host);
            if (next[request].Count == reading[request].Count)
            {
                return next;
            }

            reading = next;
        }

        throw new TimeoutException("The host kept counting requests for 10 s after wrk ended.");
    }

    private static async Task<Dictionary<string, PhaseTotal>> PhasesAsync(HttpClient client, HostProcess host)
    {
        var reading = await client.GetFromJsonAsync<PhasesReading>($"{host.Url}{ProfileEndpoint.Path}")
            ?? throw new InvalidOperationException("The host's profile endpoint answered nothing.");
        return reading.Phases;
    }

    private sealed record PhasesReading(Dictionary<string, PhaseTotal> Phases);
}

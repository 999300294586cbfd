using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kvk.Bench.Programmes;
using Kvk.Graph.Hosting;

namespace Kvk.Bench;

/// <param name="HostWarmupSeconds">How long a freshly started host serves each cache-busting query before any measurement:
/// the cached queries never run GraphQL, so without it the first cache-missing runs measure the JIT still at work.</param>
/// <param name="Slices">How many turns the host and the bare endpoint take, each turn a run of
/// <see cref="DurationSeconds"/> divided by it, so that both are measured in the same minutes.</param>
public sealed record BenchOptions(
    int Connections = 16,
    int DurationSeconds = 10,
    int WarmupSeconds = 3,
    long ScaleEvents = 0,
    bool Smoke = false,
    string? Only = null,
    int HostWarmupSeconds = 15,
    int Slices = 5);

public sealed record QueryResult(BenchQuery Query, LoadResult Kvk, LoadResult Bare)
{
    public double ThroughputRatio => Kvk.RequestsPerSecond / Bare.RequestsPerSecond;

    public double P99Ratio => Kvk.P99Ms / Bare.P99Ms;
}

public sealed record ScaleResult(long Events, double AppendPerSecond, double RebuildPerSecond, IReadOnlyList<QueryResult> Queries);

public sealed record BenchReport(
    BenchOptions Options,
    IReadOnlyList<QueryResult> Seeded,
    ScaleResult? Scale,
    long PeakWorkingSetBytes,
    MixedResult? Mixed = null);

/// <summary>
/// Starts PostgreSQL and the host, then for every query: warms up, measures the host with wrk, serves
/// the host's own response bytes from a bare endpoint and measures that the same way.
/// </summary>
public static partial class Harness
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kvk-bench-{Guid.NewGuid():N}");
        try
        {
            await using var postgres = await LocalPostgres.StartAsync(directory);
            return await RunAsync(postgres.ConnectionString, options, log);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<BenchReport> RunAsync(string connectionString, BenchOptions options, TextWriter log)
    {
        await using var bare = await BareServer.StartAsync();
        IReadOnlyList<BenchQuery> queries = options.Smoke
            ? [BenchQuery.All[0]]
            : [.. BenchQuery.All.Where(q => options.Only is null || options.Only.Split('|').Any(only => q.Name.Contains(only, StringComparison.Ordinal)))];

        var seeded = new List<QueryResult>();
        MixedResult? mixed = null;
        long peak;
        await using (var host = await HostProcess.StartAsync(connectionString))
        {
            await WarmUpAsync(host, options);
            foreach (var query in queries)
            {
                seeded.Add(await MeasureAsync(host, bare, query, options, log));
            }

            if (!options.Smoke && options.Only is null)
            {
                mixed = await MixedWorkload.MeasureAsync(host, BenchQuery.All[0], BenchQuery.All.First(q => q.IsCacheBusting), options, log);
            }

            peak = host.PeakWorkingSet;
        }

        ScaleResult? scale = null;
        if (options.ScaleEvents > 0)
        {
            log.WriteLine($"Generating {options.ScaleEvents:N0} synthetic events …");
            var (_, appendRate) = await SyntheticAppend.RunAsync(connectionString, options.ScaleEvents, CancellationToken.None);
            var rebuildRate = Rate(RebuildLine().Match(await HostProcess.RunCommandAsync(connectionString, "rebuild")));
            log.WriteLine($"Append: {appendRate:N0} events/s; rebuild: {rebuildRate:N0} events/s.");
            var scaled = new List<QueryResult>();
            await using var host = await HostProcess.StartAsync(connectionString);
            await WarmUpAsync(host, options);
            foreach (var query in queries.Where(
                q => q.Name.StartsWith("filtered", StringComparison.Ordinal)
                    || q.Name.StartsWith("search", StringComparison.Ordinal)
                    || q.Name == "award list"))
            {
                scaled.Add(await MeasureAsync(host, bare, query, options, log));
            }

            peak = Math.Max(peak, host.PeakWorkingSet);
            scale = new ScaleResult(options.ScaleEvents, appendRate, rebuildRate, scaled);
        }

        return new BenchReport(options, seeded, scale, peak, mixed);
    }

    /// <summary>Runs every cache-busting query against a new host so that its hot paths are compiled before anything is measured.</summary>
    private static async Task WarmUpAsync(HostProcess host, BenchOptions options)
    {
        foreach (var query in BenchQuery.All.Where(q => q.IsCacheBusting))
        {
            await Wrk.RunAsync(host.Url, query.WrkScript(), options.Connections, TimeSpan.FromSeconds(options.HostWarmupSeconds));
        }
    }

    private static async Task<QueryResult> MeasureAsync(HostProcess host, BareServer bare, BenchQuery query, BenchOptions options, TextWriter log)
    {
        using var client = new HttpClient();
        using var request = query.Request(host.Url);
        request.Headers.Accept.ParseAdd(query.Path is null ? "application/graphql-response+json, application/json" : "*/*");
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || (query.Path is null && Encoding.UTF8.GetString(bytes).Contains("\"errors\"", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The query '{query.Name}' failed: {Encoding.UTF8.GetString(bytes)}");
        }

        bare.Serve(bytes, response.Content.Headers.ContentType?.ToString() ?? "application/json");
        await Wrk.RunAsync(host.Url, query.WrkScript(), options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds));
        await Wrk.RunAsync(bare.Url, query.WrkScript(), options.Connections, TimeSpan.FromSeconds(options.WarmupSeconds));

        // The host and the bare endpoint take turns: this machine's speed drifts by half within minutes,
        // and a ratio means something only of figures taken in the same minutes.
        var turns = Math.Max(1, options.Slices);
        var slice = TimeSpan.FromSeconds(Math.Max(1, options.DurationSeconds / turns));
        var kvkRuns = new List<LoadResult>();
        var bareRuns = new List<LoadResult>();
        for (var turn = 0; turn < turns; turn++)
        {
            await using (new Timer(_ => host.SampleMemory(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250)))
            {
                kvkRuns.Add(await Wrk.RunAsync(host.Url, query.WrkScript(), options.Connections, slice));
            }

            bareRuns.Add(await Wrk.RunAsync(bare.Url, query.WrkScript(), options.Connections, slice));
        }

        var (kvk, reference) = (Slices.Combine(kvkRuns), Slices.Combine(bareRuns));
        var result = new QueryResult(query, kvk, reference);
        var turnRatios = string.Join(
            ", ",
            kvkRuns.Zip(bareRuns, (k, b) => (k.RequestsPerSecond / b.RequestsPerSecond).ToString("P0", CultureInfo.InvariantCulture)));
        log.WriteLine($"{query.Name,-40} kvk {kvk.RequestsPerSecond,9:N0} req/s p50 {kvk.P50Ms,6:0.00} ms p99 {kvk.P99Ms,6:0.00} ms | bare " +
            $"{reference.RequestsPerSecond,9:N0} req/s p99 {reference.P99Ms,6:0.00} ms | {result.ThroughputRatio:P0} of bare (turns: {turnRatios})");
        return kvk.Errors > 0 ? throw new InvalidOperationException($"{kvk.Errors} requests of '{query.Name}' failed under load.") : result;
    }

    private static double Rate(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : double.NaN;

    [GeneratedRegex(@"Rebuilt the read model from [\d,]+ events in [\d.]+ s: ([\d,]+) events/s")]
    private static partial Regex RebuildLine();
}

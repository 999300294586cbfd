using System.Globalization;

namespace Kvk.Bench;

/// <param name="Alone">The cached query with half the connections, nothing else running.</param>
/// <param name="Beside">The cached query with half the connections while the other half sends cache-busting requests.</param>
/// <param name="BustingBeside">The cache-busting requests meanwhile.</param>
public sealed record MixedResult(BenchQuery Cached, BenchQuery Busting, LoadResult Alone, LoadResult Beside, LoadResult BustingBeside)
{
    public double ThroughputRatio => Beside.RequestsPerSecond / Alone.RequestsPerSecond;
}

/// <summary>
/// The cached query beside a flood of cache-busting requests, as on a real day: each new request fills the response
/// cache, and a cache that made room by forgetting everything would take the hot answer with it. Alone and mixed take
/// turns, so that the ratio compares figures of the same minutes.
/// </summary>
public static class MixedWorkload
{
    public static async Task<MixedResult> MeasureAsync(HostProcess host, BenchQuery cached, BenchQuery busting, BenchOptions options, TextWriter log)
    {
        var connections = Math.Max(1, options.Connections / 2);
        var turns = Math.Max(1, options.Slices);
        var slice = TimeSpan.FromSeconds(Math.Max(1, options.DurationSeconds / turns));
        var (alone, beside, bustingBeside) = (new List<LoadResult>(), new List<LoadResult>(), new List<LoadResult>());
        for (var turn = 0; turn < turns; turn++)
        {
            alone.Add(await Wrk.RunAsync(host.Url, cached.WrkScript(), connections, slice));
            var both = await Task.WhenAll(
                Wrk.RunAsync(host.Url, cached.WrkScript(), connections, slice),
                Wrk.RunAsync(host.Url, busting.WrkScript(), connections, slice));
            beside.Add(both[0]);
            bustingBeside.Add(both[1]);
        }

        var result = new MixedResult(cached, busting, Slices.Combine(alone), Slices.Combine(beside), Slices.Combine(bustingBeside));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mixed: {cached.Name} alone {result.Alone.RequestsPerSecond:N0} req/s p99 {result.Alone.P99Ms:0.00} ms; beside {busting.Name} " +
                $"{result.Beside.RequestsPerSecond:N0} req/s p99 {result.Beside.P99Ms:0.00} ms ({result.ThroughputRatio:P0}); busting " +
                $"{result.BustingBeside.RequestsPerSecond:N0} req/s"));
        return result.Beside.Errors + result.BustingBeside.Errors > 0 ? throw new InvalidOperationException(
            "Requests of the mixed workload failed under load.") : result;
    }
}

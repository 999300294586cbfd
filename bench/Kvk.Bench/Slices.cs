namespace Kvk.Bench;

/// <summary>
/// One figure from several short wrk runs of the same load: throughput from all their requests over
/// all their time, latency percentiles as the median of the runs' percentiles, so that a burst of
/// other work on a shared machine during one run does not decide the figure.
/// </summary>
public static class Slices
{
    public static LoadResult Combine(IReadOnlyList<LoadResult> runs)
    {
        if (runs.Count == 0)
        {
            throw new ArgumentException("There is no run to combine.", nameof(runs));
        }

        var requests = runs.Sum(r => r.Requests);
        var seconds = runs.Sum(r => r.Requests / r.RequestsPerSecond);
        return new LoadResult(requests / seconds, Median(runs.Select(r => r.P50Ms)), Median(runs.Select(r => r.P99Ms)), requests, runs.Sum(r => r.Errors));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

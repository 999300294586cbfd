using System.Globalization;
using System.Text;

namespace Kvk.Bench;

/// <summary>The harness's figures as the Markdown that goes into BENCHMARKS.md.</summary>
public static class Report
{
    public static string Markdown(BenchReport report, string command)
    {
        var text = new StringBuilder();
        var o = report.Options;
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Memory()} ");
        text.Append(CultureInfo.InvariantCulture, $"memory, {Environment.OSVersion}, .NET {Environment.Version}; host in Release as a process of its own; ");
        text.Append(CultureInfo.InvariantCulture, $"load from wrk with {o.Connections} connections, {o.DurationSeconds} s a query after {o.WarmupSeconds} s ");
        text.Append(CultureInfo.InvariantCulture, $"of warm-up, the host and the bare endpoint taking {o.Slices} turns each (throughput over all turns, p50 ");
        text.Append("and p99 the median of the turns'); each new host first served every cache-busting query for ");
        text.AppendLine(CultureInfo.InvariantCulture, $"{o.HostWarmupSeconds} s.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        text.AppendLine();
        Table(text, "Seed history (12 rounds)", report.Seeded);
        if (report.Mixed is { } mixed)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Mixed workload**: {mixed.Cached.Name} on {o.Connections / 2} connections, alone and beside ");
            text.AppendLine(CultureInfo.InvariantCulture, $"{mixed.Busting.Name} on {o.Connections / 2} more, in turns");
            text.AppendLine();
            text.AppendLine("| cached query | req/s | p50 | p99 | cache-busting beside it |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            text.Append(CultureInfo.InvariantCulture, $"| alone | {mixed.Alone.RequestsPerSecond:N0} | {mixed.Alone.P50Ms:0.00} ms | ");
            text.AppendLine(CultureInfo.InvariantCulture, $"{mixed.Alone.P99Ms:0.00} ms | – |");
            text.Append(CultureInfo.InvariantCulture, $"| beside cache-busting ({mixed.ThroughputRatio:P0} of alone) | {mixed.Beside.RequestsPerSecond:N0} | ");
            text.Append(CultureInfo.InvariantCulture, $"{mixed.Beside.P50Ms:0.00} ms | {mixed.Beside.P99Ms:0.00} ms | ");
            text.AppendLine(CultureInfo.InvariantCulture, $"{mixed.BustingBeside.RequestsPerSecond:N0} req/s |");
            text.AppendLine();
        }

        if (report.Scale is { } scale)
        {
            text.Append(CultureInfo.InvariantCulture, $"Scale: {scale.Events:N0} synthetic events appended at **{scale.AppendPerSecond:N0} events/s**; full ");
            text.AppendLine(CultureInfo.InvariantCulture, $"rebuild at **{scale.RebuildPerSecond:N0} events/s**.");
            text.AppendLine();
            Table(text, $"With {scale.Events:N0} more events", scale.Queries);
            text.AppendLine("| query | p50 seed only | p50 at scale | ratio |");
            text.AppendLine("|---|---:|---:|---:|");
            foreach (var q in scale.Queries)
            {
                var before = report.Seeded.First(s => s.Query.Name == q.Query.Name);
                text.Append(CultureInfo.InvariantCulture, $"| {q.Query.Name} | {before.Kvk.P50Ms:0.00} ms | {q.Kvk.P50Ms:0.00} ms | ");
                text.AppendLine(CultureInfo.InvariantCulture, $"{q.Kvk.P50Ms / before.Kvk.P50Ms:0.00}× |");
            }

            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Peak working set of the host under load: **{report.PeakWorkingSetBytes / (1024.0 * 1024.0):0} MB**.");
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IReadOnlyList<QueryResult> results)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"**{title}**");
        text.AppendLine();
        text.AppendLine("| query | Kvk req/s | p50 | p99 | bare req/s | bare p99 | throughput vs bare | p99 vs bare |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {r.Query.Name} | {r.Kvk.RequestsPerSecond:N0} | {r.Kvk.P50Ms:0.00} ms | {r.Kvk.P99Ms:0.00} ms | ");
            text.Append(CultureInfo.InvariantCulture, $"{r.Bare.RequestsPerSecond:N0} | {r.Bare.P99Ms:0.00} ms | {r.ThroughputRatio:P0} ");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.P99Ratio:0.0}× |");
        }

        text.AppendLine();
    }

    private static string Memory() => $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB";
}

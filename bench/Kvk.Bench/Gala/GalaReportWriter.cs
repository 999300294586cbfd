using System.Globalization;
using System.Text;

namespace Kvk.Bench.Gala;

/// <summary>The gala scenario's figures as Markdown, written into its own section of BENCHMARKS.md.</summary>
public static class GalaReportWriter
{
    public const string Begin = "<!-- gala figures: written by the --gala run, do not edit by hand -->";
    public const string End = "<!-- end of gala figures -->";

    public static string Markdown(GalaReport report, string command)
    {
        var o = report.Options;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, ");
        text.Append(CultureInfo.InvariantCulture, $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB memory; everything on ");
        text.Append("this one machine: `ops/cluster` (PostgreSQL primary and streaming replica, 3 hosts in Release, HAProxy, Varnish; up in ");
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.ClusterStart.TotalSeconds:0} s), the watchers and wrk.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{o.Watchers:N0} watchers of `awardAnnounced(afterYear:)` through HAProxy ({o.WebSockets:N0} over ");
        text.Append(CultureInfo.InvariantCulture, $"WebSocket, {o.ServerSentEvents:N0} over SSE on HTTP/2, from the harness's process: ");
        text.Append(CultureInfo.InvariantCulture, $"{o.Newsroom:N0} from one address, a newsroom behind NAT, the rest {o.WatchersPerAddress} to an ");
        text.Append("address); the hosts with the documented ");
        text.Append("defaults (rate limit and caps per client on); public reads through Varnish ");
        text.Append(CultureInfo.InvariantCulture, $"from wrk, {o.ReadsPerSecond:N0} a second (steady: {o.ReadConnections} connections, each pausing between ");
        text.Append(CultureInfo.InvariantCulture, $"reads) for {o.Seconds} s (the latest award as a persisted document over GET, the year's round, the ");
        text.Append("explorer's first page, in turn, with gzip); the announcement at the middle. Delivery times are from the announcement's commit (its ");
        text.AppendLine("commit timestamp on the primary) to the moment the watcher's client read it.");
        text.AppendLine();
        text.AppendLine("| scenario | watchers that got the award | median | p99 | last | announcement answered (sent → answer) | mutations failed | " +
            "first shown by Varnish | watchers that reconnected (of them after the commit) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            var d = s.DeliveryMs;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Received:N0} of {s.Watchers:N0} | {Ms(GalaRun.Percentile(d, 0.5))} | {Ms(GalaRun.Percentile(d, 0.99))} | " +
                    $"{Ms(d.Count == 0 ? double.NaN : d[^1])} | {Ms(s.AcknowledgedMs)} | {s.FailedMutations} of {s.Mutations} | " +
                    $"{(s.EdgeShownMs is { } e ? Ms(e) : "never")} | {s.Reconnected:N0} " +
                    $"({s.ReconnectedAfterCommit:N0}) |");
        }

        text.AppendLine();
        text.AppendLine("| scenario | client connections on HAProxy's live frontend | HAProxy resident | each host resident |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var s in report.Scenarios.Where(s => s.Held is not null))
        {
            var held = s.Held!;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {held.LiveConnections:N0} | {held.HaproxyKilobytes / 1024:N0} MB | " +
                $"{string.Join(", ", held.HostKilobytes.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k / 1024:N0} MB")))} |");
        }

        text.AppendLine();
        text.AppendLine("Each host's CPU time from just before the announcement was sent until every watcher had it, by the kind of its " +
            "threads (`/proc/PID/task`): the thread pool's workers do the hand-over and the sends; the rest is the runtime compiling " +
            "hot methods again (tiered JIT) and collecting garbage.");
        text.AppendLine();
        text.AppendLine("| scenario | host | CPU | thread pool workers | tiered JIT | GC (server and background) | other |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios.Where(s => s.DeliveryCpuMs is not null))
        {
            foreach (var (host, kinds) in s.DeliveryCpuMs!)
            {
                var (workers, jit) = (kinds.GetValueOrDefault(".NET TP Worker"), kinds.GetValueOrDefault(".NET Tiered Com"));
                var gc = kinds.GetValueOrDefault(".NET Server GC") + kinds.GetValueOrDefault(".NET BGC");
                var total = kinds.Values.Sum();
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {s.Name} | {host} | {total:0} ms | {workers:0} ms | {jit:0} ms | {gc:0} ms | {total - workers - jit - gc:0} ms |");
            }
        }

        text.AppendLine();
        text.AppendLine("| scenario | reads | reads/s | p50 | p99 | failed answers | socket errors | Varnish: answered from its store | Varnish: asked a " +
            "host | of which revalidated (304) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Scenarios)
        {
            var hits = s.Varnish.GetValueOrDefault("MAIN.cache_hit");
            var requests = s.Varnish.GetValueOrDefault("MAIN.client_req");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {s.Reads.Requests:N0} | {s.Reads.RequestsPerSecond:N0} | {s.Reads.P50Ms:0.00} ms | {s.Reads.P99Ms:0.00} ms | " +
                    $"{s.Reads.Errors:N0} | {s.Reads.SocketErrors:N0} | {hits:N0} of {requests:N0} ({Share(hits, requests)}) | " +
                    $"{s.Varnish.GetValueOrDefault("MAIN.backend_req"):N0} | {s.Varnish.GetValueOrDefault("MAIN.fetch_304"):N0} |");
        }

        return text.ToString();
    }

    /// <summary>Replaces the figures between <see cref="Begin"/> and <see cref="End"/> in the file (appends the section when it has none).</summary>
    public static void WriteInto(string path, string figures) => new MarkedBlock(Begin, End, "The gala night").WriteInto(path, figures);

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value >= 1000 ? string.Create(
        CultureInfo.InvariantCulture,
        $"{value / 1000:0.00} s") : string.Create(CultureInfo.InvariantCulture, $"{value:0} ms");

    private static string Share(long part, long whole) => whole == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0} %");
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kvk.Graph.Engine.Profiling;

namespace Kvk.Bench.Profile;

/// <summary>The profile's figures as Markdown, written into their own section of BENCHMARKS.md.</summary>
public static partial class ProfileReportWriter
{
    public const string Begin = "<!-- profile figures: written by the --profile run, do not edit by hand -->";
    public const string End = "<!-- end of profile figures -->";

    /// <summary>How many of the costliest statements a query's table lists; the rest are summed in one row.</summary>
    private const int ListedStatements = 6;

    public static string Markdown(IReadOnlyList<QueryProfile> profiles, ProfileOptions options, string command)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores; host in Release ");
        text.Append("as a process of its own with the seed history and the request profile on (`Kvk:Profile:Enabled`), PostgreSQL with ");
        text.Append(CultureInfo.InvariantCulture, $"`pg_stat_statements`; wrk with {options.Connections} connections, {options.DurationSeconds} s a query ");
        text.Append(CultureInfo.InvariantCulture, $"after {options.HostWarmupSeconds} s of warm-up each; the bare endpoint {options.BareSeconds} s a query ");
        text.AppendLine("after it. Every figure is per request, divided by the requests the host counted.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        text.AppendLine();
        foreach (var profile in profiles)
        {
            Query(text, profile);
        }

        text.Append("Phases are wall-clock time inside the host (a phase that waits, such as SQL, includes the wait; with ");
        text.Append("16 requests at once on 2 cores, a phase also includes time its thread waited for a core), so they add up to the time ");
        text.Append("a request spent in the host, not to its CPU time; the CPU rows say what the two processes spent. \"Before and after ");
        text.Append("the endpoint\" is the middleware (security headers, authentication, rate limit, compression negotiation) and routing; ");
        text.AppendLine("Kestrel's own parsing of the request and writing to the socket lie outside every phase and are in the CPU figure only.");
        return text.ToString();
    }

    private static void Query(StringBuilder text, QueryProfile profile)
    {
        var n = (double)Math.Max(1, profile.Requests);
        PhaseTotal P(ProfilePhase phase) => profile.Phases.GetValueOrDefault(RequestProfile.JsonName(phase)) ?? new PhaseTotal(0, 0);
        double Us(ProfilePhase phase) => P(phase).Microseconds / n;

        var request = Us(ProfilePhase.Request);
        var sql = Us(ProfilePhase.SqlConnection) + Us(ProfilePhase.SqlStatement);
        var validation = Us(ProfilePhase.Validation) - Us(ProfilePhase.CostAnalysis);
        var execution = Us(ProfilePhase.Executer) - Us(ProfilePhase.DocumentCacheHit) - Us(ProfilePhase.Parse) - Us(ProfilePhase.Validation) - sql;
        var operation = Us(ProfilePhase.Operation) - Us(ProfilePhase.Executer) - Us(ProfilePhase.OperationLog);
        var endpoint = Us(ProfilePhase.ReadBody) + Us(ProfilePhase.ResponseCacheLookup) + Us(ProfilePhase.DecodeRequest) + Us(ProfilePhase.Operation)
            + Us(ProfilePhase.Serialization) + Us(ProfilePhase.ResponseCacheStore) + Us(ProfilePhase.WriteResponse);
        var middleware = request - endpoint - Us(ProfilePhase.RequestLog);
        var hits = P(ProfilePhase.DocumentCacheHit).Count;
        var parses = P(ProfilePhase.Parse).Count;

        text.Append(CultureInfo.InvariantCulture, $"**{profile.Query.Name}**: {profile.Load.RequestsPerSecond:N0} req/s under the profile ");
        if (profile.Bare is { } bare)
        {
            var ratio = profile.Load.RequestsPerSecond / bare.RequestsPerSecond;
            text.Append(CultureInfo.InvariantCulture, $"(bare endpoint {bare.RequestsPerSecond:N0} req/s: {ratio:P0}), ");
        }

        text.Append(CultureInfo.InvariantCulture, $"p50 {profile.Load.P50Ms:0.00} ms, p99 {profile.Load.P99Ms:0.00} ms; {profile.Requests:N0} requests. ");
        text.Append(CultureInfo.InvariantCulture, $"CPU per request: **host {profile.HostCpu.TotalMicroseconds / n:N0} µs, PostgreSQL ");
        text.AppendLine(CultureInfo.InvariantCulture, $"{profile.PostgresCpu.TotalMicroseconds / n:N0} µs** (its backends and postmaster).");
        text.AppendLine();
        text.AppendLine("| phase (host, wall clock) | µs per request | share |");
        text.AppendLine("|---|---:|---:|");
        void Row(string name, double us) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {us:N1} | {(request > 0 ? us / request : 0):P1} |");
        Row("before and after the endpoint: middleware, routing", middleware);
        Row("request body read and parsed (JSON)", Us(ProfilePhase.ReadBody));
        Row("response cache asked (a miss)", Us(ProfilePhase.ResponseCacheLookup));
        Row("GraphQL request decoded (query, variables)", Us(ProfilePhase.DecodeRequest));
        Row("operation: credential, variable limits, read route, notes, error policy", operation);
        Row(
            string.Create(CultureInfo.InvariantCulture, $"document: cache hits ({hits / n:0.##} a request), parses ({parses / n:0.##} a request)"),
            Us(ProfilePhase.DocumentCacheHit) + Us(ProfilePhase.Parse));
        Row("validation and coercion of variables and arguments", validation);
        Row("cost analysis (complexity limit)", Us(ProfilePhase.CostAnalysis));
        Row("execution without SQL: resolvers, loaders, result tree", execution);
        Row(string.Create(CultureInfo.InvariantCulture, $"SQL: connection from the pool ({P(ProfilePhase.SqlConnection).Count / n:0.##} per request)"),
            Us(ProfilePhase.SqlConnection));
        Row(
            string.Create(CultureInfo.InvariantCulture, $"SQL: statement sent, executed, rows read ({P(ProfilePhase.SqlStatement).Count / n:0.##} a request)"),
            Us(ProfilePhase.SqlStatement));
        Row("operation log line and metrics", Us(ProfilePhase.OperationLog));
        Row("serialization (JSON bytes)", Us(ProfilePhase.Serialization));
        Row("response cache store", Us(ProfilePhase.ResponseCacheStore));
        Row("response written", Us(ProfilePhase.WriteResponse));
        Row("access log line", Us(ProfilePhase.RequestLog));
        text.AppendLine(CultureInfo.InvariantCulture, $"| **the request in the host** | **{request:N1}** | 100 % |");
        text.AppendLine();

        text.AppendLine("| statement (PostgreSQL, `pg_stat_statements`) | calls per request | mean | per request |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var s in profile.Statements.Take(ListedStatements))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{Shorten(s.Query)}` | {s.Calls / n:0.###} | {(s.Calls == 0 ? 0 : s.TotalMs / s.Calls):0.000} ms | {s.TotalMs * 1000 / n:N1} µs |");
        }

        var rest = profile.Statements.Skip(ListedStatements).ToList();
        if (rest.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {rest.Count} others | {rest.Sum(s => s.Calls) / n:0.###} | | {rest.Sum(s => s.TotalMs) * 1000 / n:N1} µs |");
        }

        text.AppendLine();
    }

    /// <summary>A statement on one line, its middle left out when long, fit for a table cell.</summary>
    public static string Shorten(string query)
    {
        var line = Whitespace().Replace(query, " ").Trim().Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
        return line.Length <= 140 ? line : $"{line[..90]} … {line[^45..]}";
    }

    /// <summary>Replaces the figures between <see cref="Begin"/> and <see cref="End"/> in the file (appends the section when it has none).</summary>
    public static void WriteInto(string path, string figures) =>
        new MarkedBlock(Begin, End, "Where a cache-busting query spends its time").WriteInto(path, figures);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

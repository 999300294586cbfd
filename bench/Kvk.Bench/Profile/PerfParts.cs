using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kvk.Bench.Profile;

/// <summary>
/// The host's CPU by part (the kernel's TCP, GraphQL.NET's execution, the list engine, …): each sample of <c>perf script</c>
/// counted once, toward the part of its innermost frame that belongs to a known one. A kernel sample counts toward the system
/// call it is in; a sample in the runtime's native code (<c>libcoreclr.so</c>, without symbols) toward the managed frame
/// that called it. Flat profiles need this: no single frame of the host's own code reached 3 %.
/// </summary>
public static partial class PerfParts
{
    /// <summary>One sample: its thread's name and its frames, innermost first (symbol, object file).</summary>
    public sealed record Sample(string Thread, IReadOnlyList<(string Symbol, string Object)> Frames);

    private const string Kernel = "[kernel.kallsyms]";

    /// <summary>Kernel parts, by the call a sample's kernel frames are in, in this order.</summary>
    private static readonly (string Part, Regex Frame)[] KernelParts =
    [
        ("kernel: TCP send (loopback: includes the peer's receive and wake-up)", new(@"^(__send|tcp_sendmsg|__sys_sendto|__x64_sys_sendto|sock_sendmsg)$")),
        ("kernel: TCP receive", new(@"^(__libc_recv|__recv|tcp_recvmsg|__sys_recvfrom|sock_recvmsg|__x64_sys_recvfrom)$")),
        ("kernel: epoll (the socket thread waiting)", new("epoll")),
        ("kernel: idle thread-pool workers (sched_yield spin, futex sleep)",
            new("^(__x64_sys_sched_yield|do_sched_yield|__sched_yield|futex_wait|__x64_sys_futex|do_futex)")),
        ("kernel: interrupts, preemption", new("^(irqentry_exit_to_user_mode|asm_sysvec|asm_exc_page_fault|exc_page_fault)")),
    ];

    /// <summary>Parts of user code, by the innermost frame that matches one, the more specific first.</summary>
    private static readonly (string Part, Regex Frame)[] CodeParts =
    [
        ("list engine: filter SQL", new(@"Kvk\.Graph\.Engine\.Lists\.Filtering")),
        ("list engine: sort SQL", new(@"Kvk\.Graph\.Engine\.Lists\.Sorting")),
        ("list engine: paging (page statement, edges)", new(@"Kvk\.Graph\.Engine\.Lists\.Paging\.(Cursor|Pager)")),
        ("list engine: statement, scopes, members", new(@"Kvk\.Graph\.Engine\.Lists\.")),
        ("search (parser, excerpts)", new(@"Kvk\.Graph\..*Search")),
        ("Npgsql", new("Npgsql")),
        ("read store (rows to documents)", new(@"Kvk\.Graph\.Engine\.Reading")),
        ("cached document: validation, coercion",
            new(@"(CachedDocumentValidator|ParsedDocumentCache|GraphQL\.Validation|ExecutionHelper::CoerceValue|GetArguments)")),
        ("GraphQL result to JSON", new(@"(ExecutionResultJsonConverter|GraphQLSerializer|System\.Text\.Json\.Utf8JsonWriter)")),
        ("response cache", new(@"Kvk\.Graph\.Engine\.Transport\.(ResponseCache|CachedResponse)")),
        ("request body and decoding", new(@"(GraphQLRequestReader|JsonDocument::Parse)")),
        ("GraphQL.NET execution (fields, resolvers, result tree)", new(@"GraphQL\.(Execution|Resolvers|Types|DocumentExecuter|Telemetry|PersistedDocuments)")),
        ("Kvk pipeline and transport", new(@"Kvk\.Graph\.Engine\.(Pipeline|Transport|Profiling)")),
        ("ASP.NET Core, Kestrel", new(@"Microsoft\.AspNetCore")),
        ("sockets, thread pool, async (managed)", new(@"(System\.Net\.Sockets|System\.Threading\.|System\.Runtime\.CompilerServices\.Async)")),
    ];

    /// <summary>The samples of <c>perf script -F comm,ip,sym,dso</c> over a recording with call graphs.</summary>
    public static List<Sample> Parse(TextReader script)
    {
        var samples = new List<Sample>();
        string? thread = null;
        var frames = new List<(string, string)>();
        for (var line = script.ReadLine(); ; line = script.ReadLine())
        {
            if (line is null || line.Length == 0)
            {
                if (thread is not null)
                {
                    samples.Add(new Sample(thread, [.. frames]));
                }

                (thread, frames) = (null, []);
                if (line is null)
                {
                    return samples;
                }
            }
            else if (!char.IsWhiteSpace(line[0]))
            {
                thread = line.Trim();
            }
            else if (FrameLine().Match(line) is { Success: true } frame)
            {
                var file = Path.GetFileName(frame.Groups["object"].Value);
                var symbol = frame.Groups["symbol"].Value;
                frames.Add((symbol == "[unknown]" ? $"[{file}]" : symbol, file));
            }
        }
    }

    public static string PartOf(Sample sample)
    {
        if (sample.Thread.Contains("GC", StringComparison.Ordinal))
        {
            return "GC (server GC threads)";
        }

        if (sample.Thread.Contains("Tiered", StringComparison.Ordinal) || sample.Frames.Any(f => f.Object == "libclrjit.so"))
        {
            return "JIT (tiering)";
        }

        if (sample.Frames is [(_, Kernel), ..])
        {
            var user = sample.Frames.FirstOrDefault(f => f.Object != Kernel).Symbol ?? "";
            return KernelParts.FirstOrDefault(p => p.Frame.IsMatch(user) || sample.Frames.Any(f => f.Object == Kernel && p.Frame.IsMatch(f.Symbol))).Part
                ?? "kernel: other (scheduler, softirq)";
        }

        foreach (var (symbol, _) in sample.Frames)
        {
            if (CodeParts.FirstOrDefault(p => p.Frame.IsMatch(symbol)).Part is { } part)
            {
                return part;
            }
        }

        return "runtime, other (allocation, casts, stubs)";
    }

    /// <summary>Each part's share of the samples, the largest first, as Markdown rows.</summary>
    public static string Markdown(IReadOnlyList<Sample> samples)
    {
        var text = new StringBuilder("| part of the host | share of its CPU samples |\n|---|---:|\n");
        foreach (var group in samples.GroupBy(PartOf).OrderByDescending(g => g.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {(double)group.Count() / samples.Count:P1} |\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"| samples | {samples.Count:N0} |\n").ToString();
    }

    [GeneratedRegex(@"^\s+[0-9a-f]+\s+(?<symbol>.*)\s+\((?<object>[^()]*)\)$")]
    private static partial Regex FrameLine();
}

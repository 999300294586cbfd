using System.Diagnostics;
using System.Globalization;

namespace Kvk.Bench.Profile;

/// <summary>
/// <c>--perf DIR</c>: Linux's <c>perf</c> sampling the host's CPU while one query is measured, so that the phases' wall
/// clock can be told apart by function. The host writes its JIT-compiled methods' names to <c>/tmp/perf-PID.map</c>
/// (<see cref="HostEnvironment"/>), and the reports are made while it still runs, as the runtime may remove the map at exit.
/// </summary>
public sealed class PerfSampler
{
    /// <summary>
    /// What the host needs for <c>perf</c> to name its methods: the map of JIT-compiled code, and that code mapped once (with
    /// W^X on, the runtime runs it from a second mapping of an anonymous memfd, which perf cannot match to the map).
    /// </summary>
    public static IReadOnlyDictionary<string, string> HostEnvironment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_PerfMapEnabled"] = "1",
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    private readonly Process _process;
    private readonly string _data;
    private readonly string _map;
    private readonly long _mapLength;

    private PerfSampler(Process process, string data, string map)
    {
        _process = process;
        _data = data;
        _map = map;
        _mapLength = File.Exists(map) ? new FileInfo(map).Length : 0;
    }

    /// <summary>Samples <paramref name="pid"/> and its threads with the call graph, at 999 Hz of CPU time.</summary>
    public static PerfSampler Start(string directory, string name, int pid)
    {
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, Slug(name) + ".perf.data");
        var map = $"/tmp/perf-{pid.ToString(CultureInfo.InvariantCulture)}.map";
        return new PerfSampler(Perf("record", "-e", "cpu-clock", "-F", "999", "-g", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", data), data, map);
    }

    /// <summary>
    /// Ends the sampling as Ctrl-C would (perf writes its file on SIGINT), then writes the reports beside the data: exclusive,
    /// inclusive, by caller, by part of the host (<c>.parts.md</c>), and what was compiled meanwhile.
    /// </summary>
    public async Task<string> StopAsync()
    {
        using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await _process.StandardError.ReadToEndAsync();
        await _process.WaitForExitAsync();
        _process.Dispose();
        var stem = _data[..^".perf.data".Length];
        await WriteCompiledAsync(stem + ".compiled.txt");
        await ReportAsync(stem + ".self.txt", "--no-children", "--sort", "symbol", "-g", "none", "--percent-limit", "0.3");
        await ReportAsync(stem + ".children.txt", "--children", "--sort", "symbol", "-g", "none", "--percent-limit", "1");
        await ReportAsync(stem + ".callers.txt", "--no-children", "--sort", "symbol", "-g", "caller,0.5,callee,function,percent", "--percent-limit", "1");
        await WritePartsAsync(stem + ".parts.md");
        return stem;
    }

    /// <summary>The samples by part of the host (<see cref="PerfParts"/>), from <c>perf script</c>'s call stacks.</summary>
    private async Task WritePartsAsync(string output)
    {
        using var process = Perf("script", "-i", _data, "-F", "comm,ip,sym,dso");
        var errors = process.StandardError.ReadToEndAsync();
        var samples = await Task.Run(() => PerfParts.Parse(process.StandardOutput));
        await errors;
        await process.WaitForExitAsync();
        await File.WriteAllTextAsync(output, PerfParts.Markdown(samples));
    }

    /// <summary>
    /// What the runtime compiled while sampled (the map's lines added since <see cref="Start"/>): a host whose hot paths are
    /// compiled adds few, so a long list says that something makes new code per request.
    /// </summary>
    private async Task WriteCompiledAsync(string output)
    {
        await using var map = new FileStream(_map, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        map.Seek(_mapLength, SeekOrigin.Begin);
        using var reader = new StreamReader(map);
        await File.WriteAllTextAsync(output, await reader.ReadToEndAsync());
    }

    private async Task ReportAsync(string output, params string[] arguments)
    {
        using var process = Perf(["report", "-i", _data, "--stdio", .. arguments]);
        var text = process.StandardOutput.ReadToEndAsync();
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await File.WriteAllTextAsync(output, await text);
    }

    /// <summary>Runs <c>perf</c> with <paramref name="arguments"/>, its output and errors read by the caller.</summary>
    private static Process Perf(params string[] arguments) =>
        Process.Start(new ProcessStartInfo("perf", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"perf {arguments[0]} did not start.");

    private static string Slug(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}

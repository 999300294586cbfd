using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kvk.Bench;

/// <param name="Errors">Answers with a status other than 2xx or 3xx.</param>
/// <param name="SocketErrors">Requests that got no answer: connections refused, reads and writes failed, timeouts.</param>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, long SocketErrors = 0);

/// <summary>Drives a URL with wrk (Debian's package), a second process with a fixed number of connections.</summary>
public static partial class Wrk
{
    public static async Task<LoadResult> RunAsync(string baseUrl, string script, int connections, TimeSpan duration)
    {
        var scriptFile = Path.Combine(Path.GetTempPath(), $"kvk-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(scriptFile, script);
        try
        {
            var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", $"{(int)duration.TotalSeconds}s",
                "--latency", "-s", scriptFile, baseUrl,
            })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start.");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}{output}");
            }

            return Parse(output);
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }

    public static LoadResult Parse(string output)
    {
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        return new LoadResult(rps, Percentile(output, "50%"), Percentile(output, "99%"), requests, errors, socketErrors);
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}

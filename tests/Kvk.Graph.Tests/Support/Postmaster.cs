using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace Kvk.Graph.Tests.Support;

/// <summary>The server process of a local cluster, as its data directory's <c>postmaster.pid</c> names it.</summary>
[SupportedOSPlatform("linux")]
public static class Postmaster
{
    /// <summary>The postmaster's pid, or null when no server runs on the directory (it removes the file on its way out).</summary>
    public static int? Of(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        return File.Exists(pidFile) ? int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A process that is neither gone nor dead and waiting for its parent (a zombie).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var state = File.ReadAllText($"/proc/{pid}/stat");
            return state[(state.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="pid"/> ends within a generous bound (the postmaster is gone soon after its pid file).</summary>
    public static async Task<bool> HasEndedAsync(int pid)
    {
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(100))
        {
            if (!IsRunning(pid))
            {
                return true;
            }
        }

        return false;
    }
}

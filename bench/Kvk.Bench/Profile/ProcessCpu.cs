using System.Globalization;

namespace Kvk.Bench.Profile;

/// <summary>CPU time of processes from Linux's <c>/proc/PID/stat</c>.</summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of /proc's CPU times, 100 on every architecture Linux runs .NET on.
    private const double TicksPerSecond = 100;

    /// <summary>
    /// The CPU time of a process tree one level deep, as PostgreSQL's is: the postmaster, its children now (the backends,
    /// the background workers) and the children that ended and were waited for (counted in the postmaster's own figures),
    /// so that a backend ending between two readings moves its time from one term to another and loses none of it.
    /// </summary>
    public static TimeSpan OfTree(int root)
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || Fields(pid.ToString(CultureInfo.InvariantCulture)) is not { } fields)
            {
                continue;
            }

            // After "pid (comm)": state is field 3, the parent 4, utime 14, stime 15, cutime 16, cstime 17.
            if (pid == root)
            {
                ticks += Field(fields, 14) + Field(fields, 15) + Field(fields, 16) + Field(fields, 17);
            }
            else if (Field(fields, 4) == root)
            {
                ticks += Field(fields, 14) + Field(fields, 15);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// The CPU time of one process by the kind of its threads, as the .NET runtime names them (".NET TP Worker", ".NET Tiered
    /// Com" for the JIT's tiering, ".NET Server GC", ".NET BGC"…), numbered threads of one kind counted together; empty when
    /// the process is gone. What a host spends on compiling and collecting is told from the work it does.
    /// </summary>
    public static IReadOnlyDictionary<string, TimeSpan> ByThreadKind(int pid)
    {
        var ticks = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid)
                    && Fields($"{pid}/task/{tid}") is { } fields)
                {
                    var kind = File.ReadAllText(Path.Combine(task, "comm")).Trim().TrimEnd("0123456789 ".ToCharArray());
                    ticks[kind] = ticks.GetValueOrDefault(kind) + Field(fields, 14) + Field(fields, 15);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process or one of its threads ended while it was read.
        }

        return ticks.ToDictionary(t => t.Key, t => TimeSpan.FromSeconds(t.Value / TicksPerSecond), StringComparer.Ordinal);
    }

    /// <summary>
    /// The fields of /proc/<paramref name="process"/>/stat (a pid, or pid/task/tid) after the command's closing parenthesis (a
    /// command may hold spaces); null when the process is gone.
    /// </summary>
    private static string[]? Fields(string process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Field <paramref name="number"/> as proc(5) numbers them (1 the pid, 2 the command, 3 the state).</summary>
    private static long Field(string[] fields, int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
}

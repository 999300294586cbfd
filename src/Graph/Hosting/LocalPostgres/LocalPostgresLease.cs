using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kvk.Graph.Hosting;

/// <summary>
/// Who uses a local cluster. Every process that starts or adopts it holds a lease, a file in <c>FOLDER/leases/</c> named
/// by its pid, and the last process to give its lease back stops the cluster: a command run beside a serving host
/// (<c>rebuild</c>) must not stop the host's database when it ends. Starting and stopping are serialized by
/// <c>leases/start-stop.lock</c>, so that two processes starting at once make one cluster and a stop never races a start.
/// <para>
/// What makes a lease live is not its pid but an exclusive lock on its file, held open for the process's life. .NET takes
/// <c>FileShare.None</c> on Linux as <c>flock(LOCK_EX | LOCK_NB)</c>: the kernel owns that lock and drops it when the
/// process ends in any way, SIGKILL included, so a crashed process's lease is recognisably dead and neither keeps the
/// cluster up nor blocks a stop. A pid alone could not say that: pids are reused, and whether another process is alive
/// is answered differently to root and to an ordinary user (<c>kill(pid, 0)</c> gives EPERM), while flock treats both the
/// same and needs nothing but the file. .NET opens files close-on-exec, so the postmaster started under the lock never
/// inherits it. The pid and start time in a lease are for a person looking at the folder.
/// </para>
/// </summary>
public sealed class LocalPostgresLease : IDisposable
{
    public const string FolderName = "leases";

    private static readonly TimeSpan StartStopPatience = TimeSpan.FromMinutes(5);

    private readonly FileStream _file;

    private LocalPostgresLease(FileStream file) => _file = file;

    /// <summary>
    /// Waits for the start/stop lock of <paramref name="folder"/> (another process may be making the cluster, which takes
    /// a while on a first start) and returns it; disposing it lets the next process in.
    /// </summary>
    public static async Task<IDisposable> StartStopLockAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, FolderName)).FullName, "start-stop.lock");
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < StartStopPatience)
            {
                // Held by another process starting or stopping the cluster: wait for it.
            }
            catch (IOException e)
            {
                throw new LocalPostgresUnavailableException($"another process has held {path} for {StartStopPatience.TotalMinutes} minutes " +
                    $"while starting or stopping the PostgreSQL in {folder}: {e.Message}");
            }
        }
    }

    /// <summary>Takes a lease for this process; call it holding the start/stop lock.</summary>
    public static LocalPostgresLease Take(string folder)
    {
        // A process may hold more than one (the tests start several clusters' users in one process).
        var path = Path.Combine(folder, FolderName, $"{Environment.ProcessId}-{Guid.NewGuid():N}.lease");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        using var process = Process.GetCurrentProcess();
        var started = process.StartTime.ToUniversalTime();
        file.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId}, started {started:O}\n")));
        file.Flush();
        return new LocalPostgresLease(file);
    }

    /// <summary>Whether a process still holds a lease; dead ones (their holder crashed) are removed. Call it holding the start/stop lock.</summary>
    public static bool AnyHeld(string folder)
    {
        var held = false;
        foreach (var lease in Directory.EnumerateFiles(Path.Combine(folder, FolderName), "*.lease"))
        {
            try
            {
                using var unlocked = new FileStream(lease, FileMode.Open, FileAccess.Read, FileShare.None);
                File.Delete(lease);
            }
            catch (FileNotFoundException)
            {
                // Given back while we looked.
            }
            catch (IOException)
            {
                held = true;
            }
        }

        return held;
    }

    /// <summary>Gives the lease back: the file goes first, so that no unlocked lease is ever seen.</summary>
    public void Dispose()
    {
        File.Delete(_file.Name);
        _file.Dispose();
    }
}

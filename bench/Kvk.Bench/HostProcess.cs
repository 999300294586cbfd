using System.Diagnostics;
using System.Reflection;
using Kvk.Graph.Hosting;

namespace Kvk.Bench;

/// <summary>The Kvk host as a process of its own, built in the harness's configuration (Release for real figures).</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private long _peakWorkingSet;

    private HostProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The host's process id, for a sampler attached from outside (<c>perf record -p</c>).</summary>
    public int Id => _process.Id;

    /// <summary>The largest working set seen by <see cref="SampleMemory"/>, in bytes.</summary>
    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    public static string HostAssembly
    {
        get
        {
            var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kvk.sln")))
            {
                directory = directory.Parent;
            }

            var path = Path.Combine(
                directory?.FullName ?? throw new InvalidOperationException("Run the harness from the repository."),
                "src",
                "Graph",
                "bin",
                configuration,
                "net10.0",
                "Kvk.Graph.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the harness, which builds the host.");
        }
    }

    /// <param name="arguments">More host arguments, e.g. secretariat tokens for a test that records.</param>
    public static Task<HostProcess> StartAsync(string connectionString, params string[] arguments) =>
        StartAsync(connectionString, new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables set for the host's process beside those it inherits (e.g. the runtime's <c>DOTNET_PerfMapEnabled</c>).</param>
    /// <param name="arguments">More host arguments.</param>
    public static async Task<HostProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var url = $"http://127.0.0.1:{LocalPostgres.FreePort()}";
        var process = Start(
            [
                "--urls", url, $"--ConnectionStrings:Kvk={connectionString}", "--environment", "Production",
                "--Kvk:RateLimiting:Enabled=false", "--Logging:LogLevel:Default=Warning", .. arguments,
            ],
            redirect: false,
            environment);
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}/graphql?query=%7B__typename%7D");
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return new HostProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode}.");
            }

            await Task.Delay(200);
        }

        process.Kill();
        throw new TimeoutException("The host did not answer within a minute.");
    }

    /// <summary>Runs a host command (e.g. <c>generate</c>) to completion and returns what it printed.</summary>
    public static async Task<string> RunCommandAsync(string connectionString, params string[] command)
    {
        using var process = Start([.. command, $"--ConnectionStrings:Kvk={connectionString}", "--Logging:LogLevel:Default=Warning"], redirect: true);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"'{string.Join(' ', command)}' failed: " +
            $"{output}{await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The host's CPU time so far, user and system.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Ends the host at once with SIGKILL, as a crash would: no shutdown, no flushing.</summary>
    public void Crash() => _process.Kill();

    public void SampleMemory()
    {
        _process.Refresh();
        var current = _process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peakWorkingSet)) && Interlocked.CompareExchange(ref _peakWorkingSet, current, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }

    private static Process Start(string[] arguments, bool redirect, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = redirect, RedirectStandardError = redirect, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        info.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The host did not start.");
    }
}

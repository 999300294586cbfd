using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Kvk.Bench;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// The real program (the build of src/Graph) started as <c>dotnet run</c> starts it in a folder: that folder is its
/// working directory, nothing configures a database (so its cluster is the folder's <c>.kvk/</c>), and it runs in
/// Development with no secretariat token configured.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class KvkProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private KvkProcess(Process process) => _process = process;

    /// <summary>What it wrote to standard output and error so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static KvkProcess Start(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[HostProcess.HostAssembly, .. arguments, "--environment", "Development", "--Logging:LogLevel:Default=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("KVK_", StringComparison.Ordinal) || k.EndsWith("_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var kvk = new KvkProcess(new Process { StartInfo = start });
        kvk._process.OutputDataReceived += (_, line) => kvk.Append(line.Data);
        kvk._process.ErrorDataReceived += (_, line) => kvk.Append(line.Data);
        kvk._process.Start();
        kvk._process.BeginOutputReadLine();
        kvk._process.BeginErrorReadLine();
        return kvk;
    }

    /// <summary>Waits until the host answers a query at <paramref name="url"/>, which its <c>--urls</c> named.</summary>
    public async Task AnswersAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < Patience; await Task.Delay(200))
        {
            Assert.False(_process.HasExited, $"The host ended (exit {(_process.HasExited ? _process.ExitCode : 0)}) before it answered:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri($"{url}/graphql?query=%7B__typename%7D"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        Assert.Fail($"No answer from {url} after {Patience}:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself (a command) and returns its exit code.</summary>
    public async Task<int> ExitAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    /// <summary>Stops it as an operator does (SIGTERM): it shuts down and lets go of what it holds.</summary>
    public async Task<int> StopAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        return await ExitAsync();
    }

    /// <summary>Ends it with SIGKILL, as a crash would: nothing of its shutdown runs.</summary>
    public async Task CrashAsync()
    {
        _process.Kill();
        await ExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

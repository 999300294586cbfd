using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Kvk.Graph.Hosting;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>
/// The README's run command as a newcomer types it: on a fresh clone, with nothing before it, in a home directory that
/// the <c>postgres</c> user cannot enter (mode 0700 under a 0700 parent, as /root is), as root when the suite runs as root
/// (containers, VMs, CI). It builds the clone, so it takes a minute or two.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FirstCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task The_run_command_answers_on_a_fresh_clone_in_a_closed_home_and_its_database_stops_with_it()
    {
        var parent = Directory.CreateTempSubdirectory("kvk-first-run-");
        var home = Path.Combine(parent.FullName, "home");
        Directory.CreateDirectory(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = Path.Combine(home, "kvk");
        var log = Path.Combine(parent.FullName, "run.log");
        string? dataDirectory = null;
        Process? run = null;
        try
        {
            await RunAsync("git", "clone", "--quiet", Repository.Root, clone);
            var url = $"http://127.0.0.1:{LocalPostgres.FreePort()}";
            run = StartInItsOwnProcessGroup(clone, log, "dotnet", "run", "--project", "src/Graph", "--urls", url);

            var answer = await FirstAnswerAsync(run, url, log);

            Assert.True(answer["data"]?["awards"]?["nodes"]?[0]?["year"] is not null, answer.ToJsonString());
            var kvk = Path.Combine(clone, ".kvk");
            dataDirectory = new DirectoryInfo(Path.Combine(kvk, LocalPostgres.DataFolderName)).LinkTarget ?? Path.Combine(kvk, LocalPostgres.DataFolderName);
            if (Environment.IsPrivilegedProcess)
            {
                Assert.StartsWith("/var/lib/kvk/", dataDirectory, StringComparison.Ordinal);
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(kvk, "pgpass")));
            var postmaster = Postmaster.Of(dataDirectory);
            Assert.NotNull(postmaster);

            await RunAsync("kill", "-INT", "--", $"-{run.Id}");
            using (var stopping = new CancellationTokenSource(Patience))
            {
                await run.WaitForExitAsync(stopping.Token);
            }

            Assert.Null(Postmaster.Of(dataDirectory));
            Assert.True(await Postmaster.HasEndedAsync(postmaster.Value), $"PostgreSQL (pid {postmaster}) still runs after the host stopped.");
        }
        finally
        {
            await CleanUpAsync(run, dataDirectory, parent.FullName);
        }
    }

    /// <summary>The host answers once the clone is built and the cluster is made; until then the port is closed.</summary>
    private static async Task<JsonNode> FirstAnswerAsync(Process run, string url, string log)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // The log is read only for a failure's message: the shell may not have made it yet.
            if (run.HasExited)
            {
                Assert.Fail($"dotnet run ended (exit {run.ExitCode}) before it answered:\n{await File.ReadAllTextAsync(log)}");
            }

            if (deadline.Elapsed >= Patience)
            {
                Assert.Fail($"No answer from {url} after {Patience}:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no output)")}");
            }

            try
            {
                using var response = await client.PostAsJsonAsync("/graphql", new { query = "{ awards(first:1){ nodes { year } } }" });
                if (response.IsSuccessStatusCode)
                {
                    return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                }
            }
            catch (HttpRequestException)
            {
                // Still building or starting.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Starts a command as a terminal would, as the leader of its own process group (setsid), with its output in a file and
    /// the environment of a fresh shell: no database configured, and nothing of the test run's own build.
    /// </summary>
    private static Process StartInItsOwnProcessGroup(string directory, string log, params string[] command)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = directory, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec setsid \"$@\" >\"$LOG\" 2>&1");
        start.ArgumentList.Add("sh");
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith(
            "ConnectionStrings",
            StringComparison.OrdinalIgnoreCase) || k.StartsWith("KVK_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["LOG"] = log;
        // Nothing of the clone's build may outlive it in its process group, nor serve other builds on the machine.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        return Process.Start(start)!;
    }

    private static async Task CleanUpAsync(Process? run, string? dataDirectory, string parent)
    {
        if (run is { HasExited: false })
        {
            await RunAsync("kill", "-KILL", "--", $"-{run.Id}");
            await run.WaitForExitAsync();
        }

        run?.Dispose();
        if (dataDirectory is not null && Postmaster.Of(dataDirectory) is { } postmaster && Postmaster.IsRunning(postmaster))
        {
            await RunAsync("kill", "-QUIT", postmaster.ToString(CultureInfo.InvariantCulture));
        }

        if (dataDirectory?.StartsWith("/var/lib/kvk/", StringComparison.Ordinal) == true)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        Directory.Delete(parent, recursive: true);
    }

    private static async Task RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', command)}: {await output}{await error}");
    }
}

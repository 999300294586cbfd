using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// A script of <c>tests/js/</c> (the project's node tooling: graphql-http, graphql-ws, playwright-core) run as a
/// child process; its standard output is read line by line.
/// </summary>
public sealed class NodeScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly List<string> _all = [];
    private readonly System.Text.StringBuilder _errors = new();

    private NodeScript(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
                return;
            }

            lock (_all)
            {
                _all.Add(e.Data);
            }

            _lines.Writer.TryWrite(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.AppendLine(e.Data);
                }
            }
        };
    }

    public static string ScriptsFolder => Path.Combine(Repository.Root, "tests", "js");

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static NodeScript Start(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(ScriptsFolder, "node_modules")))
        {
            throw new InvalidOperationException("The node tooling of tests/js is not installed: install Node.js and npm, then build the tests again (the " +
                $"build installs it), in {Repository.Root}.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptsFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var node = new NodeScript(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Runs a script to its end; returns its exit code.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output, string Errors)> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        await using var node = Start(script, arguments);
        using var cancellation = new CancellationTokenSource(timeout);
        // Waits for the end of the redirected output too.
        await node._process.WaitForExitAsync(cancellation.Token);
        return (node._process.ExitCode, node.Output, node.Errors);
    }

    /// <summary>The next line of output that is a JSON object; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonObject> NextJsonAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cancellation.Token);
                if (line.StartsWith('{') && JsonNode.Parse(line) is JsonObject json)
                {
                    return json;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            throw new TimeoutException($"No JSON line from the script. Output: {string.Join('\n', Output)}\nErrors: {Errors}", e);
        }
    }

    /// <summary>Writes a line to the script's standard input (e.g. to let <c>follow.mjs</c> in hold mode reconnect).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

using System.Text;
using Kvk.Graph.Hosting;
using Kvk.Graph.PublicLog;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary><c>verify &lt;URL|FILE&gt;</c>, run through the host's entry point as <c>dotnet Kvk.Graph.dll verify …</c> runs it.</summary>
public sealed class VerifyCommandTests(SeededKvk kvk) : IClassFixture<SeededKvk>, IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("kvk-verify-");

    [Fact]
    public async Task A_served_log_verifies_and_reaches_the_host_s_data_version()
    {
        var url = kvk.Server.Client.BaseAddress!.ToString();
        var output = new StringWriter();

        Assert.Equal(0, await RunAsync("verify", url));
        Assert.Equal(0, await VerifyCommand.RunAsync(url, output, CancellationToken.None));
        var version = await ServedLog.DataVersionAsync(kvk.Server);
        Assert.Contains($"data version {version}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"The host names the same data version, {version}.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_log_verifies_and_one_changed_byte_of_an_entry_s_data_fails_naming_that_entry()
    {
        var lines = await ServedLog.LinesAsync(kvk.Server);
        var saved = Path.Combine(_files.FullName, "events.ndjson");
        await File.WriteAllTextAsync(saved, string.Join('\n', lines) + "\n");
        var changedAt = lines.FindIndex(l => l.Contains("\"municipality_nominated\"", StringComparison.Ordinal));
        var tampered = lines.ToList();
        var code = tampered[changedAt].IndexOf("\"municipalityCode\":\"", StringComparison.Ordinal) + "\"municipalityCode\":\"".Length;
        var bytes = Encoding.UTF8.GetBytes(tampered[changedAt]);
        bytes[code] = (byte)(bytes[code] == '0' ? '1' : '0');
        tampered[changedAt] = Encoding.UTF8.GetString(bytes);
        var changed = Path.Combine(_files.FullName, "changed.ndjson");
        await File.WriteAllTextAsync(changed, string.Join('\n', tampered) + "\n");
        var output = new StringWriter();

        Assert.Equal(0, await RunAsync("verify", saved));
        Assert.Equal(1, await RunAsync("verify", changed));
        Assert.Equal(1, await VerifyCommand.RunAsync(changed, output, CancellationToken.None));
        Assert.Contains(
            $"line {changedAt + 1}, entry {changedAt + 1} (municipality_nominated): its content does not match its hash",
            output.ToString(),
            StringComparison.Ordinal);
    }

    /// <summary>The host's entry point, as the command line reaches it (it writes to the console; the exit code is what counts here).</summary>
    private static Task<int> RunAsync(params string[] args) =>
        Task.Run(() => (int)typeof(KvkApp).Assembly.EntryPoint!.Invoke(null, [args])!);

    public void Dispose() => _files.Delete(recursive: true);
}

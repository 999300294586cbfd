using Kvk.Domain.PublicLog;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary>
/// Two installs that import the same seed at different moments hold the same record, to the byte: the same log, the same
/// downloads and the same data version, because a seeded fact carries the seed's id and release date, not the import's.
/// </summary>
public sealed class SeedDeterminismTests
{
    private static readonly string[] Lists = ["awards", "rounds", "nominations", "municipalities"];

    [Fact]
    public async Task Two_installs_importing_the_seed_a_second_apart_serve_the_same_bytes_and_data_version()
    {
        var first = await ServedAsync();
        var second = await ServedAsync(notBefore: first.Ready.AddSeconds(1));

        Assert.True(second.Started >= first.Ready.AddSeconds(1));
        Assert.Matches("^110-[0-9a-f]{8}$", first.DataVersion);
        Assert.Equal(first.DataVersion, second.DataVersion);
        Assert.Equal(first.Files.Keys, second.Files.Keys);
        foreach (var (path, bytes) in first.Files)
        {
            Assert.True(bytes.SequenceEqual(second.Files[path]), $"{path} differs between the two installs.");
        }

        var (chain, fault) = PublicLogChain.Verify(System.Text.Encoding.UTF8.GetString(first.Files["/events"]).Split('\n'));
        Assert.Null(fault);
        Assert.Equal(first.DataVersion, chain.DataVersion);
    }

    /// <param name="Started">Before the host started (and imported).</param>
    /// <param name="Ready">After it had imported.</param>
    private sealed record Served(DateTimeOffset Started, DateTimeOffset Ready, string DataVersion, Dictionary<string, byte[]> Files);

    private static async Task<Served> ServedAsync(DateTimeOffset? notBefore = null)
    {
        // Waits, if it must, so that the second import's clock reads at least a second later than the first's (a timer may
        // wake a little early, so until the clock says so).
        while (notBefore - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(20));
        }

        var started = DateTimeOffset.UtcNow;
        await using var server = await KvkTestServer.StartAsync();
        var ready = DateTimeOffset.UtcNow;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["/events"] = await server.Client.GetByteArrayAsync("/events") };
        foreach (var list in Lists)
        {
            files[$"/download/{list}.csv"] = await server.Client.GetByteArrayAsync($"/download/{list}.csv");
        }

        return new Served(started, ready, await ServedLog.DataVersionAsync(server), files);
    }
}

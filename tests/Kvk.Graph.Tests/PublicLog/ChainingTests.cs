using Kvk.Domain.PublicLog;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary>How the log is written: in the appending transaction, in commit order, and again at start for what was not.</summary>
public sealed class ChainingTests
{
    [Fact]
    public async Task Rounds_written_at_once_get_gapless_positions_and_the_log_verifies()
    {
        await using var server = await KvkTestServer.StartAsync();
        var given = Given.On(server);

        var rounds = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => given.AnAnnouncedRound())));

        var lines = await ServedLog.LinesAsync(server);
        var (chain, fault) = PublicLogChain.Verify(lines);
        Assert.Null(fault);
        Assert.Equal(lines.Count, chain.Position);
        Assert.Equal(await ReadModelSnapshot.ScalarAsync(server.ConnectionString, "select count(*) from kvk.public_log"), chain.Position);
        Assert.Equal(chain.DataVersion, await ServedLog.DataVersionAsync(server));
        foreach (var round in rounds)
        {
            var entries = await ServedLog.OfRoundAsync(server, round.Year);
            Assert.Equal(Enumerable.Range(1, round.Version), entries.Select(e => e["version"]!.GetValue<int>()));
        }
    }

    [Theory]
    [InlineData("delete from kvk.public_log")]
    [InlineData("delete from kvk.public_log where position > 100")]
    public async Task A_host_chains_at_start_what_is_stored_but_not_chained_into_the_same_log(string forget)
    {
        string served, connectionString;
        await using (var first = await KvkTestServer.StartAsync())
        {
            connectionString = first.ConnectionString;
            await Given.On(first).AnAnnouncedRound();
            served = await ServedLog.BodyAsync(first);
            await ReadModelSnapshot.ExecuteAsync(connectionString, forget);
        }

        await using var second = await KvkTestServer.StartAsync(connectionString);

        Assert.Equal(served, await ServedLog.BodyAsync(second));
    }

    [Fact]
    public async Task A_decision_stored_before_decisions_had_salts_is_sealed_with_its_id()
    {
        string connectionString;
        int year;
        await using (var first = await KvkTestServer.StartAsync())
        {
            connectionString = first.ConnectionString;
            year = (await Given.On(first).AnAnnouncedRound()).Year;
            await ReadModelSnapshot.ExecuteAsync(connectionString, "update kvk.mt_events set headers = headers - 'salt'; delete from kvk.public_log");
        }

        await using var second = await KvkTestServer.StartAsync(connectionString);

        var (_, fault) = PublicLogChain.Verify(await ServedLog.LinesAsync(second));
        Assert.Null(fault);
        var decision = Assert.Single(await ServedLog.OfRoundAsync(second, year), e => e["sealed"] is not null);
        Assert.Equal(decision["id"]!.GetValue<string>(), decision["revealed"]!["salt"]!.GetValue<string>());
    }
}

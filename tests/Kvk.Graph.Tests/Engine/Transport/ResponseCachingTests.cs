using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Transport;

public sealed class ResponseCachingTests
{
    private const string Rounds = "{ rounds(first: 1) { totalCount nodes { year status } } }";

    [Fact]
    public async Task A_repeated_public_query_is_answered_without_sql_and_a_recorded_change_shows_in_the_next_answer()
    {
        await using var server = await KvkTestServer.StartAsync();
        var first = await server.QueryAsync(Rounds);

        using (var counter = new SqlStatementCounter(server.ConnectionString))
        {
            Assert.Equal(first.ToJsonString(), (await server.QueryAsync(Rounds)).ToJsonString());
            Assert.Equal(0, counter.Count);
        }

        var round = await Given.On(server).AnOpenRound();
        var after = await server.QueryAsync(Rounds);

        Assert.Equal(12, first["rounds"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(13, after["rounds"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(round.Year, after["rounds"]!["nodes"]![0]!["year"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_response_with_errors_is_computed_again_not_cached()
    {
        await using var server = await KvkTestServer.StartAsync();
        const string PartlyFailing = "{ awards(first: 5) { totalCount } node(id: \"!!\") { id } }";

        var first = await server.PostAsync(PartlyFailing);
        using var counter = new SqlStatementCounter(server.ConnectionString);
        var second = await server.PostAsync(PartlyFailing);

        Assert.NotNull(first["errors"]);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.True(counter.Count > 0);
    }
}

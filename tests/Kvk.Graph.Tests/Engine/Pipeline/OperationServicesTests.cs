using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>Each operation has its own batch loaders, whichever transport brought it: the same query costs the same statements on all.</summary>
public sealed class OperationServicesTests
{
    private const string Query = "query Batched($n: Int) { awards(first: $n) { nodes { year municipality { name } round { status nominees { " +
        "municipality { name } } } } } }";

    [Fact]
    public async Task The_same_query_costs_the_same_few_statements_over_post_get_websocket_and_sse()
    {
        await using var server = await KvkTestServer.StartAsync();
        // Every document read once, so that each transport's count is of the same statements.
        await Transports.SendAsync(server, Transports.Post, Query, new { n = 50 });
        var counts = new Dictionary<string, int>();
        var index = 0;
        foreach (var transport in Transports.Names)
        {
            // A page size no response cache holds yet.
            using var counter = new SqlStatementCounter(server.ConnectionString);
            var (_, response) = await Transports.SendAsync(server, transport, Query, new { n = 20 + index++ });
            Assert.Null(response["errors"]);
            counts[transport] = counter.Count;
        }

        Assert.All(counts, c => Assert.InRange(c.Value, 1, 5));
        Assert.Single(counts.Values.Distinct());
    }
}

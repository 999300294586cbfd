using Kvk.Events.Seeding;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.ReadModel;

public sealed class StatementCountTests
{
    private const string AwardsWithEverything = """
        query($first: Int) { awards(first: $first) { totalCount nodes { year municipality { name county { name } } round { status nominees { municipality { name county { code } } } history { type } award { year } } } } }
        """;

    [Fact]
    public async Task Listing_awards_with_municipality_county_and_round_issues_the_same_few_statements_for_5_or_50_awards()
    {
        await using var server = await KvkTestServer.StartAsync();
        var extra = Enumerable.Range(0, 50).Select(i => 2027 + (2 * i))
            .Select(year => new SeedRound(year, ["0643", "1263", "0180"], new SeedDecision("0643", "Habo kommun", $"Motivering {year}."), true)).ToList();
        await server.Services.GetRequiredService<SeedImporter>().ImportAsync(new SeedHistory(extra));

        await server.QueryAsync(AwardsWithEverything, new { first = 1 });
        var few = await CountAsync(server, 5);
        var many = await CountAsync(server, 50);

        Assert.Equal(few, many);
        Assert.True(many >= 1);
    }

    private static async Task<int> CountAsync(KvkTestServer server, int first)
    {
        using var counter = new SqlStatementCounter(server.ConnectionString);
        var data = await server.QueryAsync(AwardsWithEverything, new { first });
        Assert.Equal(first, data["awards"]!["nodes"]!.AsArray().Count);
        // The page with its total, and one batch each for rounds, nominees, round histories and round awards.
        Assert.True(counter.Count <= 5, counter.Statements);
        return counter.Count;
    }
}

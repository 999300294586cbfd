using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Lists;

/// <summary>An unannounced decision changes no public count: the aggregates count the same served rows as the lists.</summary>
public sealed class AggregateEmbargoTests
{
    private const string Kiruna = "2584";
    private const string Habo = "0643";

    private const string Counts = """
        {
          nominationsAggregate { count groupBy(by: [IS_WINNER, MUNICIPALITY_COUNTY]) { keys { key } count } }
          awardsAggregate { count groupBy(by: [MUNICIPALITY_COUNTY]) { key count } }
          roundsAggregate { groupBy(by: [STATUS]) { key count } }
          municipalities(where: { awards: { count: { gte: 1 } } }) { totalCount }
        }
        """;

    [Fact]
    public async Task A_decision_shows_in_no_count_until_the_award_is_announced()
    {
        await using var server = await KvkTestServer.StartAsync();
        var round = await Given.On(server).ARoundWithNominees(Kiruna, Habo);
        var before = await server.QueryAsync(Counts);

        await server.RecordAsync(new RecordJuryDecision(round.Year, Kiruna, "Kiruna visar vägen.", null));
        var decided = await server.QueryAsync(Counts);

        await server.RecordAsync(new AnnounceAward(round.Year, null));
        var announced = await server.QueryAsync(Counts);

        // The round's status says it is decided (a public fact, as on the round itself); nothing says who won.
        Assert.Equal(Without(before, "roundsAggregate"), Without(decided, "roundsAggregate"));
        Assert.Equal(Winners(before) + 1, Winners(announced));
        Assert.Equal(before["awardsAggregate"]!["count"]!.GetValue<int>() + 1, announced["awardsAggregate"]!["count"]!.GetValue<int>());
        Assert.Contains(announced["awardsAggregate"]!["groupBy"]!.AsArray(), g => (string?)g!["key"] == "25");
        Assert.DoesNotContain(decided["awardsAggregate"]!["groupBy"]!.AsArray(), g => (string?)g!["key"] == "25");
    }

    private static string Without(JsonNode data, string field)
    {
        var copy = data.DeepClone().AsObject();
        copy.Remove(field);
        return copy.ToJsonString();
    }

    private static int Winners(JsonNode data) => data["nominationsAggregate"]!["groupBy"]!.AsArray()
        .Where(g => (string?)g!["keys"]![0]!["key"] == "true").Sum(g => g!["count"]!.GetValue<int>());
}

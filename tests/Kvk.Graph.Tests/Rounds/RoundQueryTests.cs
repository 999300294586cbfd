using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Snapshooter.Xunit;

namespace Kvk.Graph.Tests.Rounds;

public sealed class RoundQueryTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [Fact]
    public async Task The_nominee_lists_of_every_round_match_the_published_nominees()
    {
        var data = await kvk.Server.QueryAsync("{ rounds(order: [{ year: ASC }]) { totalCount nodes { year nominees { municipality { code } } } } }");

        var served = data["rounds"]!["nodes"]!.AsArray().ToDictionary(
            r => r!["year"]!.GetValue<int>(),
            r => r!["nominees"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()).Order().ToList());
        var published = SeedDocument.Nominees().GroupBy(n => n.Year).ToDictionary(g => g.Key, g => g.Select(n => n.Code).Order().ToList());
        Assert.Equal(12, data["rounds"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(published.Keys.Order(), served.Keys.Order());
        foreach (var (year, codes) in published)
        {
            Assert.Equal(codes, served[year]);
        }
    }

    [Fact]
    public async Task The_2025_round_has_its_four_nominees_and_no_decision()
    {
        var data = await kvk.Server.QueryAsync("{ round(year: 2025) { year title status decision { motivation } award { year } announcedAt nominees { " +
            "isWinner municipality { code name county { name } } } } }");

        Snapshot.Match(KvkTestServer.Pretty(data));
    }

    [Fact]
    public async Task An_announced_round_shows_its_decision_and_award()
    {
        var data = await kvk.Server.QueryAsync("{ round(year: 2005) { status version decision { recipientName municipality { name } } award { title } " +
            "nominees { isWinner municipality { name } } } }");

        Snapshot.Match(KvkTestServer.Pretty(data));
    }

    [Fact]
    public async Task A_year_without_a_round_is_null()
    {
        var data = await kvk.Server.QueryAsync($"{{ round(year: {RoundYears.NeverRecorded}) {{ year }} }}");

        Assert.Null(data["round"]);
    }
}

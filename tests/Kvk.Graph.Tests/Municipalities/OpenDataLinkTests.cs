using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Municipalities;

/// <summary>Municipalities and counties linked to Wikidata, Kolada, SCB's population and SKR's groups, served from PostgreSQL.</summary>
public sealed class OpenDataLinkTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private static string SeedPath(string file) => Path.Combine(AppContext.BaseDirectory, "seeds", file);

    private static Dictionary<string, string[]> Rows(string file) =>
        File.ReadAllLines(SeedPath(file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(f => f[0]);

    [Fact]
    public async Task All_290_municipalities_and_21_counties_have_their_wikidata_id_population_and_group_as_in_the_seed_files()
    {
        var nodes = new List<JsonNode>();
        string? after = null;
        do
        {
            var page = (await kvk.Server.QueryAsync(
                "query($after: String) { municipalities(first: 100, after: $after) { nodes { code officialName wikidataId koladaUrl municipalityGroup " +
                    "population { count date source } county { code wikidataId } } pageInfo { hasNextPage endCursor } } }",
                new { after }))["municipalities"]!;
            nodes.AddRange(page["nodes"]!.AsArray().Select(n => n!));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        var wikidata = Rows("kommun_wikidata.csv");
        var counties = Rows("lan_wikidata.csv");
        var population = Rows("kommun_population_2018.csv");
        var groups = Rows("kommun_kommungrupp_2025.csv");

        Assert.Equal(290, nodes.Count);
        Assert.All(nodes, m =>
        {
            var code = m["code"]!.GetValue<string>();
            Assert.Equal(wikidata[code][4], m["wikidataId"]!.GetValue<string>());
            Assert.Equal(wikidata[code][2], m["officialName"]!.GetValue<string>());
            Assert.Equal($"https://api.kolada.se/v2/municipality/{code}", m["koladaUrl"]!.GetValue<string>());
            Assert.Equal(int.Parse(population[code][2], System.Globalization.CultureInfo.InvariantCulture), m["population"]!["count"]!.GetValue<int>());
            Assert.Equal("2018-12-31", m["population"]!["date"]!.GetValue<string>());
            Assert.Contains("SCB", m["population"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(groups[code][3], m["municipalityGroup"]!.GetValue<string>());
            Assert.Equal(counties[m["county"]!["code"]!.GetValue<string>()][3], m["county"]!["wikidataId"]!.GetValue<string>());
        });
        Assert.Equal(21, nodes.Select(m => m["county"]!["wikidataId"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(10_230_185, nodes.Sum(m => m["population"]!["count"]!.GetValue<int>()));
        Assert.Equal("Q516080", nodes.Single(m => m["code"]!.GetValue<string>() == "0128")["wikidataId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Awards_to_municipalities_under_20000_inhabitants_are_found_by_a_filter_on_population()
    {
        var data = await kvk.Server.QueryAsync("{ awards(where: { municipality: { population: { count: { lt: 20000 } } } }, order: [{ year: ASC }]) { nodes " +
            "{ year municipality { code population { count } } } } }");
        var population = Rows("kommun_population_2018.csv");
        var expected = SeedDocument.Nominees().Where(n => n.Role == "winner" && n.Year != 2025 && int.Parse(
            population[n.Code][2],
            System.Globalization.CultureInfo.InvariantCulture) < 20_000).Select(n => n.Year).Order();

        var served = data["awards"]!["nodes"]!.AsArray().Select(a => a!["year"]!.GetValue<int>());
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task Nominations_filter_by_skr_group_and_municipalities_sort_by_population()
    {
        var groups = Rows("kommun_kommungrupp_2025.csv");
        var data = await kvk.Server.QueryAsync("""
            { nominations(where: { municipality: { municipalityGroup: { eq: "A1" } } }) { totalCount }
              municipalities(first: 3, order: [{ population: { count: DESC } }]) { nodes { name } } }
            """);

        Assert.Equal(SeedDocument.Nominees().Count(n => groups[n.Code][3] == "A1"), data["nominations"]!["totalCount"]!.GetValue<int>());
        Assert.True(data["nominations"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.Equal(["Stockholm", "Göteborg", "Malmö"], data["municipalities"]!["nodes"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
    }
}

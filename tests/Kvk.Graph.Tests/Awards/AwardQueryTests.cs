using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Snapshooter.Xunit;

namespace Kvk.Graph.Tests.Awards;

public sealed class AwardQueryTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string AllAwards = "{ awards(order: [{ year: ASC }]) { totalCount nodes { year title recipientName motivation " +
        "municipality { code name } } } }";

    [Fact]
    public async Task The_eleven_winners_come_back_with_their_motivations_exactly_as_in_the_seed_document()
    {
        var data = await kvk.Server.QueryAsync(AllAwards);

        var served = data["awards"]!["nodes"]!.AsArray()
            .Select(a => new SeedDocument.Winner(a!["year"]!.GetValue<int>(), a["recipientName"]!.GetValue<string>(), a["motivation"]!.GetValue<string>()))
            .ToList();
        var expected = SeedDocument.Winners().OrderBy(w => w.Year).ToList();
        Assert.Equal(11, expected.Count);
        Assert.Equal(11, data["awards"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task Each_award_names_the_winning_municipality_of_the_nominee_list()
    {
        var data = await kvk.Server.QueryAsync(AllAwards);

        var winners = SeedDocument.Nominees().Where(n => n.Role == "winner").ToDictionary(n => n.Year, n => n.Code);
        foreach (var award in data["awards"]!["nodes"]!.AsArray())
        {
            Assert.Equal(winners[award!["year"]!.GetValue<int>()], award["municipality"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Awards_are_newest_first_by_default_and_titled_by_year()
    {
        var data = await kvk.Server.QueryAsync("{ awards(first: 2) { nodes { year title } pageInfo { hasNextPage hasPreviousPage } } }");

        Snapshot.Match(KvkTestServer.Pretty(data));
    }

    [Fact]
    public async Task Paging_forward_with_cursors_visits_every_award_once_in_order()
    {
        var years = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await kvk.Server.QueryAsync(
                "query($after: String) { awards(first: 4, after: $after, order: [{ year: ASC }]) { edges { cursor node { year } } pageInfo { " +
                    "hasNextPage endCursor } } }",
                new { after }))["awards"]!;
            years.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["year"]!.GetValue<int>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => 2003 + (2 * i)), years);
    }

    [Fact]
    public async Task The_total_count_is_of_the_whole_filtered_list_on_every_page_beyond_the_last_in_a_fragment_and_when_empty()
    {
        const string Query = "query($after: String) { awards(first: 4, after: $after, where: { year: { gte: 2005 } }) { ...total nodes { year } pageInfo { " +
            "endCursor } } } fragment total on AwardsConnection { totalCount }";
        var first = (await kvk.Server.QueryAsync(Query, new { after = (string?)null }))["awards"]!;
        var second = (await kvk.Server.QueryAsync(Query, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["awards"]!;
        var third = (await kvk.Server.QueryAsync("{ awards(last: 3, where: { year: { gte: 2005 } }) { totalCount } }"))["awards"]!;
        var none = (await kvk.Server.QueryAsync("{ awards(where: { year: { gt: 3000 } }) { totalCount nodes { year } } }"))["awards"]!;
        var last = (await kvk.Server.QueryAsync("{ awards(first: 100, where: { year: { gte: 2005 } }) { pageInfo { endCursor } } }"))["awards"]!
            ["pageInfo"]!["endCursor"]!.GetValue<string>();
        var beyond = (await kvk.Server.QueryAsync(Query, new { after = last }))["awards"]!;

        Assert.Equal(10, first["totalCount"]!.GetValue<int>());
        Assert.Equal(10, second["totalCount"]!.GetValue<int>());
        Assert.Equal(10, third["totalCount"]!.GetValue<int>());
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
        Assert.Empty(beyond["nodes"]!.AsArray());
        Assert.Equal(10, beyond["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Paging_backward_with_last_and_before_returns_the_preceding_items_in_order()
    {
        var all = (await kvk.Server.QueryAsync("{ awards(order: [{ year: ASC }]) { edges { cursor node { year } } } }"))["awards"]!["edges"]!.AsArray();
        var before = all[5]!["cursor"]!.GetValue<string>();

        var page = (await kvk.Server.QueryAsync(
            "query($before: String) { awards(last: 2, before: $before, order: [{ year: ASC }]) { nodes { year } pageInfo { hasNextPage hasPreviousPage } } }",
            new { before }))["awards"]!;

        Assert.Equal([2009, 2011], page["nodes"]!.AsArray().Select(n => n!["year"]!.GetValue<int>()));
        Assert.True(page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Awards_sort_by_municipality_name_in_swedish_alphabetical_order()
    {
        var data = await kvk.Server.QueryAsync("{ awards(order: [{ municipality: { name: ASC } }]) { nodes { municipality { name } } } }");

        var names = data["awards"]!["nodes"]!.AsArray().Select(a => a!["municipality"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(
            [
                "Botkyrka",
                "Helsingborg",
                "Höganäs",
                "Kungsbacka",
                "Kävlinge",
                "Lomma",
                "Nacka",
                "Sollentuna",
                "Stockholm",
                "Umeå",
                "Örebro",
            ],
            names);
    }

    [Fact]
    public async Task One_award_by_year_with_its_round_and_county()
    {
        var data = await kvk.Server.QueryAsync("{ award(year: 2017) { title recipientName municipality { code name officialName county { code name shortName " +
            "} } round { year status nominees { municipality { name } } } } }");

        Snapshot.Match(KvkTestServer.Pretty(data));
    }

    [Fact]
    public async Task A_year_without_an_announced_award_has_no_award()
    {
        var data = await kvk.Server.QueryAsync("{ a2025: award(year: 2025) { year } a2004: award(year: 2004) { year } }");

        Assert.Null(data["a2025"]);
        Assert.Null(data["a2004"]);
    }

    [Fact]
    public async Task A_page_larger_than_the_maximum_is_refused_with_a_clear_error()
    {
        var response = await kvk.Server.PostAsync("{ awards(first: 1000) { nodes { year } } }");

        var error = response["errors"]!.AsArray().Single()!;
        Assert.Equal("INVALID_PAGING", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("between 0 and 100", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_cursor_is_refused_with_a_clear_error()
    {
        var response = await kvk.Server.PostAsync("{ awards(after: \"not-a-cursor\") { nodes { year } } }");

        Assert.Equal("INVALID_CURSOR", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cursor_whose_values_do_not_fit_the_order_is_refused_as_a_cursor_not_as_an_internal_error()
    {
        var edited = System.Buffers.Text.Base64Url.EncodeToString("[\"not-a-year\",\"round-2023\"]"u8);

        var response = await kvk.Server.PostAsync($"{{ awards(after: \"{edited}\") {{ nodes {{ year }} }} }}");

        Assert.Equal("INVALID_CURSOR", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    internal static IEnumerable<int> Years(JsonNode nodes) => nodes.AsArray().Select(n => n!["year"]!.GetValue<int>());
}

using Kvk.Graph.Tests.Support;
using Snapshooter.Xunit;

namespace Kvk.Graph.Tests.Municipalities;

public sealed class MunicipalityQueryTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [Fact]
    public async Task A_municipality_lists_its_awards_and_nominations()
    {
        var data = await kvk.Server.QueryAsync("{ municipality(code: \"0182\") { code name officialName county { code name } awards { year recipientName } " +
            "nominations { year isWinner } } }");

        Snapshot.Match(KvkTestServer.Pretty(data));
    }

    [Fact]
    public async Task There_are_290_municipalities_in_21_counties_with_codes_as_text()
    {
        var data = await kvk.Server.QueryAsync("{ municipalities(first: 1) { totalCount nodes { code name } } counties { code name " +
            "municipalities { code } } }");

        Assert.Equal(290, data["municipalities"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("0114", data["municipalities"]!["nodes"]![0]!["code"]!.GetValue<string>());
        var counties = data["counties"]!.AsArray();
        Assert.Equal(21, counties.Count);
        Assert.Equal(290, counties.Sum(c => c!["municipalities"]!.AsArray().Count));
        Assert.Equal("01", counties[0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Municipalities_page_through_all_290_in_order_of_name()
    {
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = (await kvk.Server.QueryAsync(
                "query($after: String) { municipalities(first: 100, after: $after, order: [{ name: ASC }]) { nodes { name } pageInfo { " +
                    "hasNextPage endCursor } } }",
                new { after }))["municipalities"]!;
            names.AddRange(page["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(290, names.Distinct().Count());
        Assert.Equal("Ale", names[0]);
        Assert.Equal("Övertorneå", names[^1]);
    }

    [Fact]
    public async Task An_unknown_code_is_null()
    {
        var data = await kvk.Server.QueryAsync("{ municipality(code: \"9999\") { name } }");

        Assert.Null(data["municipality"]);
    }
}

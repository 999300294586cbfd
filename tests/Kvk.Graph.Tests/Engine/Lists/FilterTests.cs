using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Lists;

public sealed class FilterTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private async Task<List<int>> AwardYears(string where)
    {
        var data = await kvk.Server.QueryAsync($"{{ awards(where: {where}, order: [{{ year: ASC }}]) {{ totalCount nodes {{ year }} }} }}");
        var years = data["awards"]!["nodes"]!.AsArray().Select(n => n!["year"]!.GetValue<int>()).ToList();
        Assert.Equal(years.Count, data["awards"]!["totalCount"]!.GetValue<int>());
        return years;
    }

    [Theory]
    [InlineData("{ year: { eq: 2011 } }", new[] { 2011 })]
    [InlineData("{ year: { neq: 2011, gte: 2017 } }", new[] { 2017, 2019, 2021, 2023 })]
    [InlineData("{ year: { in: [2003, 2023, 2025] } }", new[] { 2003, 2023 })]
    [InlineData("{ year: { nin: [2003, 2005, 2007, 2009, 2011, 2013, 2015, 2017] } }", new[] { 2019, 2021, 2023 })]
    [InlineData("{ year: { gt: 2019 } }", new[] { 2021, 2023 })]
    [InlineData("{ year: { ngt: 2005 } }", new[] { 2003, 2005 })]
    [InlineData("{ year: { lt: 2007 } }", new[] { 2003, 2005 })]
    [InlineData("{ year: { nlt: 2021 } }", new[] { 2021, 2023 })]
    [InlineData("{ year: { lte: 2005 } }", new[] { 2003, 2005 })]
    [InlineData("{ year: { nlte: 2021, ngte: 2023 } }", new int[0])]
    public async Task Comparable_operations_filter_in_postgresql(string where, int[] expected) => Assert.Equal(expected, await AwardYears(where));

    [Theory]
    [InlineData("{ recipientName: { eq: \"Helsingborgs stad\" } }", new[] { 2017 })]
    [InlineData("{ recipientName: { contains: \"stad\" } }", new[] { 2009, 2017 })]
    [InlineData("{ recipientName: { ncontains: \"kommun\" } }", new[] { 2009, 2017 })]
    [InlineData("{ recipientName: { startsWith: \"K\" } }", new[] { 2011, 2015 })]
    [InlineData("{ recipientName: { nstartsWith: \"K\", endsWith: \"a kommun\" } }", new[] { 2003, 2007, 2019, 2021 })]
    [InlineData("{ recipientName: { nendsWith: \"kommun\" } }", new[] { 2009, 2017 })]
    [InlineData("{ recipientName: { in: [\"Umeå kommun\", \"Örebro kommun\"] } }", new[] { 2005, 2013 })]
    [InlineData("{ recipientName: { nin: [\"Umeå kommun\"], neq: \"Örebro kommun\" } }", new[] { 2003, 2007, 2009, 2011, 2015, 2017, 2019, 2021, 2023 })]
    [InlineData("{ motivation: { contains: \"”Äldre direkt”\" } }", new[] { 2009 })]
    [InlineData("{ motivation: { contains: \"100%\" } }", new int[0])]
    public async Task String_operations_filter_case_sensitively_and_treat_wildcards_as_text(string where, int[] expected) =>
        Assert.Equal(expected, await AwardYears(where));

    [Theory]
    [InlineData("{ announcedAt: { eq: null } }", 11)]
    [InlineData("{ announcedAt: { neq: null } }", 0)]
    [InlineData("{ announcedAt: { gt: \"2000-01-01T00:00:00Z\" } }", 0)]
    public async Task Date_operations_filter_missing_and_present_values(string where, int expected) =>
        Assert.Equal(expected, (await AwardYears(where)).Count);

    [Theory]
    [InlineData("{ municipality: { county: { code: { eq: \"12\" } } } }", new[] { 2007, 2015, 2017, 2023 })]
    [InlineData("{ municipality: { name: { eq: \"Umeå\" } } }", new[] { 2005 })]
    [InlineData("{ municipality: { officialName: { eq: \"Stockholms kommun\" }, county: { shortName: { eq: \"Stockholm\" } } } }", new[] { 2009 })]
    [InlineData("{ or: [{ year: { lt: 2005 } }, { municipality: { code: { eq: \"1284\" } } }] }", new[] { 2003, 2023 })]
    [InlineData("{ and: [{ year: { gt: 2010 } }, { year: { lt: 2014 } }] }", new[] { 2011, 2013 })]
    [InlineData("{ municipality: { or: [{ name: { eq: \"Nacka\" } }, { name: { eq: \"Lomma\" } }] } }", new[] { 2007, 2021 })]
    [InlineData("{ year: { or: [{ eq: 2003 }, { eq: 2005 }] } }", new[] { 2003, 2005 })]
    public async Task Nested_objects_and_boolean_combinations_filter(string where, int[] expected) => Assert.Equal(expected, await AwardYears(where));

    [Theory]
    [InlineData("{ status: { eq: JUDGING } }", new[] { 2025 })]
    [InlineData("{ status: { neq: ANNOUNCED } }", new[] { 2025 })]
    [InlineData("{ status: { in: [DECIDED, NOMINATING] } }", new int[0])]
    [InlineData("{ status: { nin: [ANNOUNCED] }, nominees: { any: true } }", new[] { 2025 })]
    [InlineData("{ nominees: { some: { municipality: { name: { eq: \"Vallentuna\" } } } } }", new[] { 2017, 2019, 2021 })]
    [InlineData("{ nominees: { all: { municipality: { county: { code: { eq: \"01\" } } } } } }", new[] { 2009 })]
    [InlineData("{ nominees: { none: { municipality: { county: { code: { in: [\"01\", \"12\"] } } } } } }", new[] { 2013 })]
    [InlineData("{ nominees: { any: false } }", new int[0])]
    public async Task Rounds_filter_by_enum_and_by_their_list_of_nominees(string where, int[] expected)
    {
        var data = await kvk.Server.QueryAsync($"{{ rounds(where: {where}, order: [{{ year: ASC }}]) {{ nodes {{ year }} }} }}");

        Assert.Equal(expected, data["rounds"]!["nodes"]!.AsArray().Select(n => n!["year"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Municipalities_filter_by_their_awards_and_nominations()
    {
        var data = await kvk.Server.QueryAsync("""
            {
              winners: municipalities(where: { awards: { any: true }, county: { code: { eq: "01" } } }, order: [{ name: ASC }]) { nodes { name } }
              twice: municipalities(
                where: { nominations: { some: { year: { lt: 2006 } } }, and: [{ nominations: { some: { year: { gt: 2006 } } } }] }
              ) { nodes { name } }
            }
            """);

        Assert.Equal(["Botkyrka", "Nacka", "Sollentuna", "Stockholm"], data["winners"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal(["Lomma", "Nacka", "Uddevalla", "Västerås"], data["twice"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Nominations_filter_by_boolean_and_sort_by_nested_county_then_year()
    {
        var data = await kvk.Server.QueryAsync("""
            { nominations(where: { isWinner: { eq: false }, withdrawnAt: { eq: null }, year: { gte: 2019 } },
                          order: [{ municipality: { county: { code: ASC } } }, { year: DESC }], first: 4) {
                totalCount nodes { year municipality { name county { code } } } } }
            """);

        Assert.Equal(15, data["nominations"]!["totalCount"]!.GetValue<int>());
        Snapshooter.Xunit.Snapshot.Match(KvkTestServer.Pretty(data));
    }

    [Fact]
    public async Task Every_path_of_a_shared_filter_input_works_from_every_list_that_offers_it()
    {
        var data = await kvk.Server.QueryAsync("""
            {
              nominatedIn2005: awards(where: { municipality: { nominations: { some: { year: { eq: 2005 } } } } }) { nodes { year } }
              byOfficialName: awards(order: [{ municipality: { officialName: DESC } }], first: 2) { nodes { recipientName } }
              announced: rounds(where: { award: { municipality: { county: { code: { eq: "12" } } } } }, order: [{ year: ASC }]) { nodes { year } }
            }
            """);

        Assert.Equal([2003, 2005, 2007], data["nominatedIn2005"]!["nodes"]!.AsArray().Select(n => n!["year"]!.GetValue<int>()).Order());
        Assert.Equal(["Örebro kommun", "Umeå kommun"], data["byOfficialName"]!["nodes"]!.AsArray().Select(n => n!["recipientName"]!.GetValue<string>()));
        Assert.Equal([2007, 2015, 2017, 2023], data["announced"]!["nodes"]!.AsArray().Select(n => n!["year"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_null_where_a_value_is_needed_is_refused_with_a_clear_error()
    {
        var response = await kvk.Server.PostAsync("{ awards(where: { year: { eq: null, gt: null } }) { totalCount } }");

        var error = response["errors"]![0]!;
        Assert.Equal("INVALID_FILTER", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("`year`", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

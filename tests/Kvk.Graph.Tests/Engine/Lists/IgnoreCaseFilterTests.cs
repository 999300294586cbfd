using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Lists;

/// <summary>Text filters a reader expects: case-insensitive by Swedish rules, where å, ä and ö are letters of their own.</summary>
public sealed class IgnoreCaseFilterTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private async Task<int> MunicipalitiesAsync(string where) =>
        (await kvk.Server.QueryAsync($"{{ municipalities(where: {where}) {{ totalCount }} }}"))["municipalities"]!["totalCount"]!.GetValue<int>();

    [Fact]
    public async Task A_county_is_found_by_its_name_in_any_case()
    {
        var skane = await MunicipalitiesAsync("{ county: { code: { eq: \"12\" } } }");

        Assert.True(skane > 0);
        Assert.Equal(0, await MunicipalitiesAsync("{ county: { shortName: { eq: \"skåne\" } } }"));
        Assert.Equal(skane, await MunicipalitiesAsync("{ county: { shortName: { eqIgnoreCase: \"skåne\" } } }"));
        Assert.Equal(skane, await MunicipalitiesAsync("{ county: { shortName: { eqIgnoreCase: \"SKÅNE\" } } }"));
        Assert.Equal(0, await MunicipalitiesAsync("{ county: { shortName: { eqIgnoreCase: \"skane\" } } }"));
    }

    [Fact]
    public async Task Contains_and_starts_with_ignore_case()
    {
        var data = await kvk.Server.QueryAsync("{ awards(where: { motivation: { containsIgnoreCase: \"MEDBORG\" } }) { nodes { year } } }");
        var expected = SeedDocument.Winners().Where(w => w.Motivation.Contains("medborg", StringComparison.OrdinalIgnoreCase)).Select(w => w.Year).Order();

        Assert.Equal(expected, data["awards"]!["nodes"]!.AsArray().Select(n => n!["year"]!.GetValue<int>()).Order());
        Assert.Equal(
            await MunicipalitiesAsync("{ name: { startsWith: \"Ö\" } }"),
            await MunicipalitiesAsync("{ name: { startsWithIgnoreCase: \"ö\" } }"));
    }
}

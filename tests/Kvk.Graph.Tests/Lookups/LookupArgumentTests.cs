using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Lookups;

public sealed class LookupArgumentTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [Theory]
    [InlineData("{ municipality(code: \"180\") { name } }", "four digits", "\"0180\"")]
    [InlineData("{ municipality(code: \"Stockholm\") { name } }", "four digits", "\"0180\"")]
    [InlineData("{ county(code: \"1\") { name } }", "two digits", "\"12\"")]
    [InlineData("{ county(code: \"012\") { name } }", "two digits", "\"12\"")]
    [InlineData("{ round(year: 25) { year } }", "four digits", "2023")]
    [InlineData("{ award(year: 123456) { year } }", "four digits", "2023")]
    public async Task A_malformed_key_is_an_error_that_names_the_expected_form(string query, string form, string example)
    {
        var response = await kvk.Server.PostAsync(query);

        var error = response["errors"]![0]!;
        Assert.Equal("INVALID_INPUT", (string?)error["extensions"]!["code"]);
        Assert.Contains(form, (string)error["message"]!, StringComparison.Ordinal);
        Assert.Contains(example, (string)error["message"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ municipality(code: \"0000\") { name } }", "municipality")]
    [InlineData("{ county(code: \"99\") { name } }", "county")]
    [InlineData("{ round(year: 2004) { year } }", "round")]
    [InlineData("{ award(year: 2025) { year } }", "award")]
    public async Task A_well_formed_key_that_names_nothing_is_null(string query, string field)
    {
        var response = await kvk.Server.PostAsync(query);

        Assert.Null(response["errors"]);
        Assert.Null(response["data"]![field]);
    }

    [Fact]
    public async Task A_well_formed_key_finds_its_item() =>
        Assert.Equal("Stockholm", (string?)(await kvk.Server.QueryAsync("{ municipality(code: \"0180\") { name } }"))["municipality"]!["name"]);
}

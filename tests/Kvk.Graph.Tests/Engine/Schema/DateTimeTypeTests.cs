using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Schema;

/// <summary>DateTime reads RFC 3339 date-times only, as a literal and as a variable, and writes them with their offset.</summary>
public sealed class DateTimeTypeTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    public static TheoryData<string> NotRfc3339 => ["2019-12-31", "2019-12-31T00:00:00", "2019-12-31 00:00:00Z", "31/12/2019", "2019-12-31T00:00Z", "tomorrow"];

    [Theory]
    [MemberData(nameof(NotRfc3339))]
    public async Task A_moment_without_a_time_or_an_offset_is_refused_with_the_expected_form_as_variable_and_as_literal(string text)
    {
        var asVariable = await kvk.Server.PostAsync("query($at: DateTime) { round(year: 2019, asOf: $at) { year } }", new { at = text });
        var asLiteral = await kvk.Server.PostAsync($"{{ round(year: 2019, asOf: \"{text}\") {{ year }} }}");

        foreach (var result in new[] { asVariable, asLiteral })
        {
            var error = Assert.Single(result["errors"]!.AsArray())!;
            Assert.Contains("RFC 3339", (string?)error["message"], StringComparison.Ordinal);
            Assert.Null(result["data"]);
        }
    }

    [Theory]
    [InlineData("2030-01-01T00:00:00Z")]
    [InlineData("2030-01-01T01:00:00.5+01:00")]
    [InlineData("2030-01-01t00:00:00z")]
    public async Task An_rfc_3339_moment_is_accepted(string text)
    {
        var result = await kvk.Server.PostAsync("query($at: DateTime) { round(year: 2019, asOf: $at) { year } }", new { at = text });

        Assert.Null(result["errors"]);
    }

    [Fact]
    public async Task Moments_are_written_with_their_offset()
    {
        var result = await kvk.Server.PostAsync("{ rounds(first: 1) { nodes { openedAt } } }");

        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", (string?)result["data"]!["rounds"]!["nodes"]![0]!["openedAt"]);
    }
}

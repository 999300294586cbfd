using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Lists;

/// <summary>
/// The questions a journalist asks of the record, answered in one query each and checked against an independent count
/// of the seed documents: a county is the first two digits of a municipality's code.
/// </summary>
public sealed class AggregateTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [Fact]
    public async Task Nominations_and_wins_per_county_come_in_one_query()
    {
        var data = await kvk.Server.QueryAsync("""
            {
              all: nominationsAggregate { count groupBy(by: [MUNICIPALITY_COUNTY], order: [{ count: DESC }]) { key name count } }
              wins: nominationsAggregate(where: { isWinner: { eq: true } }) { count groupBy(by: [MUNICIPALITY_COUNTY]) { key name count } }
            }
            """);

        var nominees = SeedDocument.Nominees();
        var expectedAll = nominees.GroupBy(n => n.Code[..2]).ToDictionary(g => g.Key, g => g.Count());
        var expectedWins = nominees.Where(n => n.Role == "winner").GroupBy(n => n.Code[..2]).ToDictionary(g => g.Key, g => g.Count());
        var all = Groups(data["all"]!);
        var wins = Groups(data["wins"]!);

        Assert.Equal(nominees.Count, data["all"]!["count"]!.GetValue<int>());
        Assert.Equal(expectedWins.Values.Sum(), data["wins"]!["count"]!.GetValue<int>());
        Assert.Equal(
            expectedAll.OrderBy(e => e.Key, StringComparer.Ordinal),
            all.Select(g => KeyValuePair.Create(g.Key, g.Count)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expectedWins.OrderBy(e => e.Key, StringComparer.Ordinal), wins.Select(g => KeyValuePair.Create(g.Key, g.Count)));
        Assert.Equal(all.Select(g => g.Count).OrderDescending(), all.Select(g => g.Count));
        Assert.Equal("Skåne län", all.Single(g => g.Key == "12").Name);
    }

    [Fact]
    public async Task Groups_combine_values_and_name_each_key()
    {
        var data = await kvk.Server.QueryAsync("""
            { nominationsAggregate(where: { year: { gte: 2015 } }) { groupBy(by: [YEAR, IS_WINNER], order: [{ key: DESC }]) { keys { by key name } count } } }
            """);

        var groups = data["nominationsAggregate"]!["groupBy"]!.AsArray()
            .Select(g => (Year: (string)g!["keys"]![0]!["key"]!, Winner: (string)g["keys"]![1]!["key"]!, Count: g["count"]!.GetValue<int>()))
            .ToList();
        var expected = SeedDocument.Nominees().Where(n => n.Year >= 2015)
            .GroupBy(n => (Year: n.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Winner: n.Role == "winner" ? "true" : "false"))
            .OrderByDescending(g => g.Key.Year, StringComparer.Ordinal).ThenByDescending(g => g.Key.Winner, StringComparer.Ordinal)
            .Select(g => (g.Key.Year, g.Key.Winner, g.Count()));

        Assert.Equal(expected, groups);
    }

    [Fact]
    public async Task Municipalities_nominated_twice_or_more_without_winning_come_in_one_query()
    {
        var data = await kvk.Server.QueryAsync("""
            { municipalities(first: 50, where: { nominations: { count: { gte: 2 } }, awards: { any: false } }) { totalCount nodes { code } } }
            """);

        var expected = SeedDocument.Nominees().GroupBy(n => n.Code)
            .Where(g => g.Count() >= 2 && g.All(n => n.Role != "winner"))
            .Select(g => g.Key).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, data["municipalities"]!["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
    }

    [Fact]
    public async Task A_count_condition_composes_with_the_other_list_conditions()
    {
        var data = await kvk.Server.QueryAsync("""
            { municipalities(first: 50, where: { nominations: { count: { gte: 2, lte: 2 }, some: { year: { gte: 2019 } } } }) { nodes { code } } }
            """);

        var expected = SeedDocument.Nominees().GroupBy(n => n.Code)
            .Where(g => g.Count() == 2 && g.Any(n => n.Year >= 2019))
            .Select(g => g.Key).Order(StringComparer.Ordinal);
        Assert.Equal(expected, data["municipalities"]!["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
    }

    [Fact]
    public async Task Every_group_of_every_list_runs_in_postgresql()
    {
        var schema = (await kvk.Server.QueryAsync("{ __schema { queryType { fields { name } } types { name kind enumValues { name } } } }"))["__schema"]!;
        var failures = new List<string>();
        var walked = 0;
        foreach (var field in schema["queryType"]!["fields"]!.AsArray()
            .Select(f => (string)f!["name"]!)
            .Where(n => n.EndsWith("Aggregate", StringComparison.Ordinal)))
        {
            var list = field[..^"Aggregate".Length];
            var enumName = schema["types"]!.AsArray().Select(t => (string)t!["name"]!).Single(n => n.EndsWith("GroupBy", StringComparison.Ordinal)
                && string.Equals(n, Singular(list) + "GroupBy", StringComparison.OrdinalIgnoreCase));
            var values = schema["types"]!.AsArray().Single(t => (string?)t!["name"] == enumName)!["enumValues"]!.AsArray().Select(v => (string)v!["name"]!);
            foreach (var value in values)
            {
                walked++;
                var query = $"{{ {field} {{ count groupBy(by: [{value}], order: [{{ count: DESC }}, {{ key: ASC }}], first: 3) {{ key name count }} }} }}";
                if ((await kvk.Server.PostAsync(query))["errors"] is JsonArray { Count: > 0 } errors)
                {
                    failures.Add($"{query} → {errors[0]!["message"]}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(walked > 20, $"Only {walked} groups were walked.");
    }

    [Fact]
    public async Task A_grouping_counts_in_the_cost_limit_where_a_count_does_not()
    {
        var counts = string.Concat(Enumerable.Range(0, 28).Select(i => $"a{i}: nominationsAggregate {{ count }} "));
        var groupings = string.Concat(Enumerable.Range(0, 28).Select(i => $"a{i}: nominationsAggregate {{ groupBy(by: [YEAR]) {{ key name count }} }} "));

        Assert.Empty(Transports.Codes((await kvk.Server.PostAsync($"{{ {counts} }}")).AsObject()));
        Assert.Equal(["COMPLEXITY"], Transports.Codes((await kvk.Server.PostAsync($"{{ {groupings} }}")).AsObject()));
    }

    private static string Singular(string list) => list.EndsWith("ies", StringComparison.Ordinal) ? list[..^3] + "y" : list[..^1];

    private static List<(string Key, string? Name, int Count)> Groups(JsonNode aggregate) =>
        [.. aggregate["groupBy"]!.AsArray().Select(g => ((string)g!["key"]!, (string?)g["name"], g["count"]!.GetValue<int>()))];
}

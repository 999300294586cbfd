using System.Globalization;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Sources;

/// <summary>The seeded history served with its sources, its coverage and its dates, over HTTP from PostgreSQL.</summary>
public sealed class SeededSourcesTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string SourceFields = "title publisher url publishedOn supports";

    private const string Everything = $$"""
        { rounds(first: 12, order: [{ year: ASC }]) { nodes {
            year status nomineesKnown recordedAt openedAt announcedAt announcedOn { date precision }
            sources { {{SourceFields}} }
            notes { text sources { {{SourceFields}} } }
            nominees { recordedAt nominatedAt municipality { code name } sources { {{SourceFields}} } }
            decision { recordedAt decidedAt sources { {{SourceFields}} } }
            award { year announcedAt recordedAt announcedOn { date precision } sources { {{SourceFields}} } }
        } } }
        """;

    private async Task<IReadOnlyList<JsonNode>> RoundsAsync() =>
        [.. (await kvk.Server.QueryAsync(Everything))["rounds"]!["nodes"]!.AsArray().Select(r => r!)];

    private static IEnumerable<JsonNode> Sources(JsonNode? owner) => owner!["sources"]!.AsArray().Select(s => s!);

    [Fact]
    public async Task Every_seeded_round_award_and_nomination_has_at_least_one_source_with_a_title()
    {
        var rounds = await RoundsAsync();

        Assert.Equal(12, rounds.Count);
        foreach (var round in rounds)
        {
            var year = round["year"]!.GetValue<int>();
            Assert.True(Sources(round).Any(), $"{year}: the nominee list has no source");
            Assert.All(round["nominees"]!.AsArray(), n => Assert.True(Sources(n).Any(), $"{year} {n!["municipality"]!["code"]}: no source"));
            if (round["award"] is JsonObject award)
            {
                Assert.True(Sources(award).Any(), $"{year}: the award has no source");
            }

            Assert.All(rounds.SelectMany(r => Sources(r)), s => Assert.False(string.IsNullOrWhiteSpace(s["title"]!.GetValue<string>())));
        }

        Assert.Equal(11, rounds.Count(r => r["award"] is JsonObject));
    }

    [Fact]
    public async Task The_2017_nominee_list_source_is_whole_with_its_comma_and_year()
    {
        var round = (await RoundsAsync()).Single(r => r["year"]!.GetValue<int>() == 2017);

        var source = Assert.Single(Sources(round));
        Assert.Equal("SKL", source["publisher"]!.GetValue<string>());
        Assert.Contains("kvalitetsprissverigeskvalitetskommun", source["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("as of 2018", source["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("the list of nominees", source["supports"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_2007_2009_and_2013_are_winner_only_and_say_so_in_a_sourced_note()
    {
        var rounds = await RoundsAsync();

        var winnerOnly = rounds.Where(r => r["nomineesKnown"]!.GetValue<string>() == "WINNER_ONLY").Select(r => r["year"]!.GetValue<int>());
        Assert.Equal([2007, 2009, 2013], winnerOnly);
        Assert.All(
            rounds.Where(r => r["nomineesKnown"]!.GetValue<string>() != "WINNER_ONLY"),
            r => Assert.Equal("FULL_LIST", r["nomineesKnown"]!.GetValue<string>()));
        foreach (var year in new[] { 2007, 2009, 2013 })
        {
            var note = Assert.Single(rounds.Single(r => r["year"]!.GetValue<int>() == year)["notes"]!.AsArray())!;
            Assert.Contains("not published", note["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotEmpty(Sources(note));
        }
    }

    [Fact]
    public async Task The_2025_round_is_not_decided_and_its_note_says_a_newspaper_reported_a_winner()
    {
        var round = (await RoundsAsync()).Single(r => r["year"]!.GetValue<int>() == 2025);

        Assert.Equal("JUDGING", round["status"]!.GetValue<string>());
        Assert.Null(round["decision"]);
        Assert.Null(round["award"]);
        var note = Assert.Single(round["notes"]!.AsArray())!;
        Assert.Contains("2025-11-23", note["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("no decision is recorded", note["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2025-11-23", Assert.Single(Sources(note))["publishedOn"]!.GetValue<string>());
        var morbylanga = round["nominees"]!.AsArray().Single(n => n!["municipality"]!["code"]!.GetValue<string>() == "0840")!;
        Assert.Contains("as the winner", Assert.Single(Sources(morbylanga))["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeded_announcements_have_their_year_and_no_invented_day()
    {
        var rounds = await RoundsAsync();

        foreach (var round in rounds.Where(r => r["award"] is JsonObject))
        {
            var year = round["year"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture);
            Assert.Equal(year, round["announcedOn"]!["date"]!.GetValue<string>());
            Assert.Equal("YEAR", round["announcedOn"]!["precision"]!.GetValue<string>());
            Assert.Equal(year, round["award"]!["announcedOn"]!["date"]!.GetValue<string>());
            Assert.Null(round["announcedAt"]);
            Assert.Null(round["award"]!["announcedAt"]);
        }
    }

    [Fact]
    public async Task No_seeded_date_is_the_date_of_the_import_except_the_times_named_as_recording_times()
    {
        var rounds = await RoundsAsync();
        var recordingNames = new HashSet<string>(["recordedAt", "openedAt", "nominatedAt", "decidedAt"], StringComparer.Ordinal);
        var imported = DateTimeOffset.Parse(rounds[0]["recordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime.ToString(
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture);

        var dated = new List<(string Name, string Value)>();
        void Walk(JsonNode? node, string name)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        Walk(value, key);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item, name);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text) && !recordingNames.Contains(name):
                    dated.Add((name, text));
                    break;
            }
        }

        Walk(new JsonArray([.. rounds.Select(r => r.DeepClone())]), "rounds");
        Assert.Contains(dated, d => d.Name == "date");
        Assert.DoesNotContain(dated, d => d.Value.Contains(imported, StringComparison.Ordinal));
        Assert.Contains(rounds, r => r["recordedAt"]!.GetValue<string>().StartsWith(imported, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seeded_nominees_come_back_in_swedish_alphabetical_order_and_in_recording_order_on_request()
    {
        var data = await kvk.Server.QueryAsync("{ rounds(first: 12) { nodes { year byName: nominees { municipality { name } } recorded: nominees(order: " +
            "RECORDED) { municipality { code } } } } }");
        var swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: false);
        var listed = SeedDocument.Nominees().GroupBy(n => n.Year).ToDictionary(g => g.Key, g => g.Select(n => n.Code).ToList());

        foreach (var round in data["rounds"]!["nodes"]!.AsArray())
        {
            var names = round!["byName"]!.AsArray().Select(n => n!["municipality"]!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(names.Order(swedish), names);
            Assert.Equal(listed[round["year"]!.GetValue<int>()], round["recorded"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()));
        }

        var year2023 = data["rounds"]!["nodes"]!.AsArray().Single(r => r!["year"]!.GetValue<int>() == 2023)!;
        Assert.Equal(
            ["Arvika", "Höganäs", "Karlskoga", "Ulricehamn"],
            year2023["byName"]!.AsArray().Select(n => n!["municipality"]!["name"]!.GetValue<string>()));
        var year2021 = data["rounds"]!["nodes"]!.AsArray().Single(r => r!["year"]!.GetValue<int>() == 2021)!;
        Assert.Equal(
            ["Burlöv", "Höganäs", "Nacka", "Stockholm", "Vallentuna"],
            year2021["byName"]!.AsArray().Select(n => n!["municipality"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Rounds_filter_and_sort_by_what_is_known_of_their_nominees()
    {
        var data = await kvk.Server.QueryAsync("{ rounds(where: { nomineesKnown: { eq: WINNER_ONLY } }, order: [{ year: ASC }]) { " +
            "totalCount nodes { year } } }");

        Assert.Equal([2007, 2009, 2013], data["rounds"]!["nodes"]!.AsArray().Select(r => r!["year"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Time_travel_before_a_round_was_recorded_says_so_instead_of_a_bare_null()
    {
        var response = await kvk.Server.PostAsync("""{ round(year: 2019, asOf: "2019-12-31T00:00:00Z") { year } }""");

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Equal("NOT_YET_RECORDED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("first recorded in Kvk", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("moment of recording", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = await kvk.Server.QueryAsync("""{ round(year: 2199, asOf: "2019-12-31T00:00:00Z") { year } }""");
        Assert.Null(missing["round"]);
    }
}

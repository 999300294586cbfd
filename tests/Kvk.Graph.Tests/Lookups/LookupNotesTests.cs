using System.Text;
using System.Text.Json.Nodes;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Lookups;

/// <summary>A lookup that answers null says why in <c>extensions.lookups</c>, on every transport and from the response cache.</summary>
public sealed class LookupNotesTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private static JsonObject Note(JsonObject response, params string[] path) =>
        response["extensions"]!["lookups"]!.AsArray().Select(n => n!.AsObject())
            .Single(n => n["path"]!.AsArray().Select(p => (string?)p).SequenceEqual(path));

    private async Task<JsonObject> PostAsync(string query) => (await kvk.Server.PostAsync(query)).AsObject();

    [Fact]
    public async Task A_year_without_a_round_answers_null_and_says_rounds_are_held_in_odd_years()
    {
        var response = await PostAsync("{ round(year: 2004) { year } }");

        Assert.Null(response["data"]!["round"]);
        Assert.Null(response["errors"]);
        var note = Note(response, "round");
        Assert.Equal(["path", "code", "message"], note.Select(p => p.Key));
        Assert.Equal("NO_SUCH_ROUND", (string?)note["code"]);
        Assert.Equal("Rounds are held in odd years (2003, 2005, …); 2004 has no round.", (string?)note["message"]);
    }

    [Fact]
    public async Task Each_null_lookup_has_its_note_at_its_response_path_aliases_included_and_a_found_one_has_none()
    {
        var response = await PostAsync("""
            {
              a: award(year: 2004) { year }
              b: award(year: 2199) { year }
              c: award(year: 2023) { year }
              r: round(year: 2001) { year }
              s: round(year: 2099) { year }
            }
            """);

        Assert.Equal(2023, (int)response["data"]!["c"]!["year"]!);
        Assert.Equal(["a", "b", "r", "s"], response["extensions"]!["lookups"]!.AsArray().Select(n => (string)n!["path"]![0]!));
        Assert.Equal("NO_SUCH_AWARD", (string?)Note(response, "a")["code"]);
        Assert.Equal("No round of 2199 has been recorded in Kvk, so it has no award.", (string?)Note(response, "b")["message"]);
        Assert.Equal("The first round was held in 2003; 2001 has no round.", (string?)Note(response, "r")["message"]);
        Assert.Equal("No round of 2099 has been recorded in Kvk.", (string?)Note(response, "s")["message"]);
    }

    [Fact]
    public async Task An_award_not_announced_yet_says_so_where_its_round_is_recorded()
    {
        var rounds = await kvk.Server.QueryAsync("{ rounds(first: 50) { nodes { year status } } }");
        var open = rounds["rounds"]!["nodes"]!.AsArray().First(r => (string?)r!["status"] != "ANNOUNCED")!;
        var year = (int)open["year"]!;

        var response = await PostAsync($"{{ award(year: {year}) {{ year }} }}");

        Assert.Null(response["data"]!["award"]);
        Assert.Equal("NOT_YET_ANNOUNCED", (string?)Note(response, "award")["code"]);
    }

    [Fact]
    public async Task An_unknown_municipality_code_names_the_nearest_one()
    {
        var response = await PostAsync("""{ municipality(code: "0185") { name } }""");

        Assert.Null(response["data"]!["municipality"]);
        var note = Note(response, "municipality");
        Assert.Equal("NO_SUCH_MUNICIPALITY", (string?)note["code"]);
        Assert.Equal("0184", (string?)note["nearest"]!["code"]);
        Assert.Equal("Solna", (string?)note["nearest"]!["name"]);
        Assert.Equal("No municipality has the code \"0185\". The nearest is \"0184\" (Solna).", (string?)note["message"]);
    }

    [Theory]
    [InlineData("Stockholm", "0180")]
    [InlineData("stockholms stad", "0180")]
    [InlineData("Göteborg", "1480")]
    [InlineData("Malmoe", "1280")]
    [InlineData("180", "0180")]
    public async Task A_name_or_a_short_code_given_as_a_code_is_an_error_that_names_the_municipality_meant(string code, string nearest)
    {
        var response = await PostAsync($$"""{ municipality(code: "{{code}}") { name } }""");

        Assert.Equal("INVALID_INPUT", (string?)response["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains($"The nearest is \"{nearest}\"", (string?)response["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(nearest, (string?)Note(response, "municipality")["nearest"]!["code"]);
    }

    [Fact]
    public async Task A_code_near_nothing_has_a_note_without_nearest()
    {
        var response = await PostAsync("""{ municipality(code: "zzzzzzzzzzzzzz") { name } }""");

        Assert.Null(Note(response, "municipality")["nearest"]);
    }

    [Fact]
    public async Task A_global_id_that_names_nothing_says_what_it_names()
    {
        var award = GlobalId.Encode("Award", "2004");
        var other = GlobalId.Encode("Planet", "3");
        var nomination = GlobalId.Encode("Nomination", "nothing");

        var response = await PostAsync($$"""{ a: node(id: "{{award}}") { id } b: node(id: "{{other}}") { id } c: node(id: "{{nomination}}") { id } }""");

        Assert.All(["a", "b", "c"], alias => Assert.Equal("NO_SUCH_NODE", (string?)Note(response, alias)["code"]));
        Assert.Equal(
            "The ID names the award of 2004. Rounds are held in odd years (2003, 2005, …); 2004 has no award.",
            (string?)Note(response, "a")["message"]);
        Assert.Contains("a type Kvk does not serve", (string?)Note(response, "b")["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Transports.Post)]
    [InlineData(Transports.Get)]
    [InlineData(Transports.WebSocket)]
    [InlineData(Transports.Sse)]
    public async Task The_note_travels_on_every_transport(string transport)
    {
        var (status, response) = await Transports.SendAsync(kvk.Server, transport, "{ round(year: 2006) { year } }");

        Assert.Equal(200, status);
        Assert.Null(response["data"]!["round"]);
        Assert.Equal("NO_SUCH_ROUND", (string?)Note(response, "round")["code"]);
    }

    [Fact]
    public async Task A_cached_get_serves_the_same_note()
    {
        using var first = Transports.Request(Transports.Get, "{ round(year: 2008) { year } }");
        using var second = Transports.Request(Transports.Get, "{ round(year: 2008) { year } }");

        var one = await (await kvk.Server.Client.SendAsync(first)).Content.ReadAsByteArrayAsync();
        var two = await (await kvk.Server.Client.SendAsync(second)).Content.ReadAsByteArrayAsync();

        Assert.Equal(one, two);
        Assert.Contains("\"code\":\"NO_SUCH_ROUND\"", Encoding.UTF8.GetString(two), StringComparison.Ordinal);
    }
}

/// <summary>Explaining a null costs no batching: aliased award lookups still share their statements.</summary>
[Collection(SeededHistory.Name)]
public sealed class LookupNoteStatementTests(SeededKvk kvk)
{
    [Fact]
    public async Task Ten_missing_awards_are_explained_with_one_statement_for_the_awards_and_one_for_their_rounds()
    {
        var aliases = string.Concat(Enumerable.Range(0, 10).Select(i => $"a{i}: award(year: {2101 + (2 * i)}) {{ year }} "));

        using var counter = new SqlStatementCounter(kvk.Server.ConnectionString);
        var response = await kvk.Server.PostAsync($"{{ {aliases}}}");

        Assert.Equal(10, response["extensions"]!["lookups"]!.AsArray().Count);
        Assert.True(counter.Count <= 2, $"{counter.Count} statements: {counter.Statements}");
    }
}

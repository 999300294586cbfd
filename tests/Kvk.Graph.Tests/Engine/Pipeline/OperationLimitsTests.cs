using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>Every limit holds for every operation on every transport, whatever the caches hold.</summary>
public sealed class OperationLimitsTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    /// <summary>Cheap as operation A, and over the complexity limit many times as B.</summary>
    private const string TwoOperations =
        "query A { __typename } query B { awards(first: 100) { nodes { round { nominees { municipality { awards { round { nominees { municipality { " +
            "nominations { year } } } } } } } } } } }";

    [Theory]
    [MemberData(nameof(TransportNames))]
    public async Task A_second_operation_of_a_cached_document_meets_every_limit(string transport)
    {
        // Each transport its own text (a comment), so that no other test's cached document or response answers.
        var document = $"# {transport}\n{TwoOperations}";
        var (_, cheap) = await Transports.SendAsync(kvk.Server, transport, document, operationName: "A");
        var (_, expensive) = await Transports.SendAsync(kvk.Server, transport, document, operationName: "B");
        var (_, again) = await Transports.SendAsync(kvk.Server, transport, document, operationName: "B");

        Assert.Equal("Query", (string?)cheap["data"]!["__typename"]);
        Assert.Equal(["COMPLEXITY"], Transports.Codes(expensive));
        Assert.Equal(["COMPLEXITY"], Transports.Codes(again));
    }

    [Fact]
    public async Task Conditions_on_related_lists_count_in_the_complexity_so_a_filter_of_hundreds_of_subqueries_is_refused()
    {
        const string twoSubqueries = "{ nominations: { any: true, some: { year: { gt: 2003 } } } }";
        var few = $"{{ municipalities(where: {{ or: [{string.Join(", ", Enumerable.Repeat(twoSubqueries, 20))}] }}) {{ totalCount }} }}";
        var many = $"{{ municipalities(where: {{ or: [{string.Join(", ", Enumerable.Repeat(twoSubqueries, 110))}] }}) {{ totalCount }} }}";

        var allowed = await kvk.Server.PostAsync(few);
        var refused = await kvk.Server.PostAsync(many);

        Assert.Null(allowed["errors"]);
        Assert.Equal(["COMPLEXITY"], Transports.Codes(refused.AsObject()));
    }

    [Fact]
    public async Task A_filter_passed_as_a_variable_counts_as_much_as_the_same_filter_in_the_document()
    {
        object TwoSubqueries() => new Dictionary<string, object>
        {
            ["nominations"] = new Dictionary<string, object> { ["any"] = true, ["some"] = new Dictionary<string, object>() },
        };
        const string query = "query($w: MunicipalityFilterInput) { municipalities(where: $w) { totalCount } }";

        var small = await kvk.Server.PostAsync(query, new { w = new { or = Enumerable.Range(0, 20).Select(_ => TwoSubqueries()) } });
        var large = await kvk.Server.PostAsync(query, new { w = new { or = Enumerable.Range(0, 110).Select(_ => TwoSubqueries()) } });

        Assert.Null(small["errors"]);
        Assert.Equal(["COMPLEXITY"], Transports.Codes(large.AsObject()));
    }

    [Theory]
    [MemberData(nameof(ControlCharacterCases))]
    public async Task Control_characters_in_an_input_are_refused_with_invalid_input_naming_it(
        string transport,
        string query,
        string? variablesJson,
        string named)
    {
        var variables = variablesJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(variablesJson);

        var (_, response) = await Transports.SendAsync(kvk.Server, transport, query, variables);

        Assert.Equal(["INVALID_INPUT"], Transports.Codes(response));
        Assert.Contains(named, response["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("U+0000", response["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TransportNames))]
    public async Task A_filter_nested_deeper_than_the_parser_follows_is_a_syntax_error_not_an_internal_one(string transport)
    {
        var where = string.Concat(Enumerable.Repeat("{ and: [", 60)) + "{}" + string.Concat(Enumerable.Repeat("] }", 60));

        var (_, response) = await Transports.SendAsync(kvk.Server, transport, $"{{ awards(where: {where}) {{ totalCount }} }}");

        var error = response["errors"]![0]!;
        Assert.Equal("SYNTAX_ERROR", (string?)error["extensions"]!["code"]);
        Assert.Contains("nests more than", (string?)error["message"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TransportNames))]
    public async Task Input_values_nested_deeper_than_allowed_are_refused_in_the_document_and_in_variables(string transport)
    {
        var literal = string.Concat(Enumerable.Repeat("{ and: [", 14)) + "{}" + string.Concat(Enumerable.Repeat("] }", 14));
        object variable = new Dictionary<string, object>();
        for (var i = 0; i < 14; i++)
        {
            variable = new Dictionary<string, object> { ["and"] = new[] { variable } };
        }

        var (_, inDocument) = await Transports.SendAsync(kvk.Server, transport, $"{{ awards(where: {literal}) {{ totalCount }} }}");
        var (_, inVariables) = await Transports.SendAsync(kvk.Server, transport, "query($w: AwardFilterInput) { awards(where: " +
            "$w) { totalCount } }", new { w = variable });

        Assert.Equal(["INPUT_TOO_DEEP"], Transports.Codes(inDocument));
        Assert.Equal(["INPUT_TOO_DEEP"], Transports.Codes(inVariables));
    }

    public static TheoryData<string> TransportNames => Transports.All;

    public static TheoryData<string, string, string?, string> ControlCharacterCases()
    {
        var cases = new TheoryData<string, string, string?, string>();
        foreach (var transport in Transports.Names)
        {
            cases.Add(transport, "{ awards(where: { recipientName: { contains: \"a\\u0000b\" } }) { totalCount } }", null, "`where` of `awards`");
            cases.Add(transport, "query($t: String!) { search(text: $t) { totalCount } }", "{\"t\":\"styr\\u0000ning\"}", "`$t`");
            cases.Add(transport, "query($w: AwardFilterInput) { awards(where: $w) { totalCount } }",
                "{\"w\":{\"municipality\":{\"name\":{\"eq\":\"Lund\\u0000\"}}}}", "`$w.municipality.name.eq`");
        }

        return cases;
    }
}

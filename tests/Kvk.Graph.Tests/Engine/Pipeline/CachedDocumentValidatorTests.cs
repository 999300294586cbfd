using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Schema;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class CachedDocumentValidatorTests
{
    public static TheoryData<string, string> Requests => new()
    {
        { "query($from: Int!, $to: Int!) { awards(first: 10, where: { year: { gte: $from, lte: $to }, municipality: { county: { code: { in: [\"01\", \"12\"] " +
            "} } } }, order: [{ municipality: { name: ASC } }, { year: DESC }]) { totalCount nodes { year } " +
            "pageInfo { endCursor } } }", "{\"from\": 2005, \"to\": 2021}" },
        { "query($text: String!) { search(text: $text, first: 5) { totalCount nodes { rank excerpt award { year } } } }", "{\"text\": \"styrning or x123\"}" },
        { "query($first: Int, $after: String) { awards(first: $first, after: $after) { nodes { year } } }", "{\"first\": 3}" },
        { "query($first: Int, $after: String) { awards(first: $first, after: $after) { nodes { year } } }", "{}" },
        { "query($status: RoundStatus!, $y: Int!) { rounds(where: { status: { eq: $status } }) { nodes { ...R } } round(year: $y) { ...R year } } fragment R " +
            "on Round { year nominees { municipality { name } } }", "{\"status\": \"ANNOUNCED\", \"y\": 2023}" },
        { "query($dir: SortEnumType!, $id: ID!, $name: String!) { awards(order: [{ year: $dir }]) { nodes { a: year b: year } } node(id: $id) { ... on Award " +
            "{ year round { year } } } __type(name: $name) { name } }", "{\"dir\": \"ASC\", \"id\": \"QXdhcmQ6MjAyMw==\", \"name\": \"Award\"}" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_cached_document_gets_the_variables_and_arguments_GraphQL_NET_would_give_it(string query, string variablesJson)
    {
        await using var server = await KvkTestServer.StartAsync();
        var options = CachedDocument(server, query, variablesJson);

        var expected = await new DocumentValidator().ValidateAsync(options);
        var actual = await new CachedDocumentValidator(new ThrowingValidator()).ValidateAsync(options);

        Assert.True(expected.IsValid);
        Assert.True(actual.IsValid);
        Assert.NotEmpty(Describe(actual.ArgumentValues));
        Assert.Equal(Describe(expected.Variables), Describe(actual.Variables));
        Assert.Equal(Describe(expected.ArgumentValues), Describe(actual.ArgumentValues));
    }

    [Theory]
    [InlineData("query($b: Boolean!) { awards { nodes { year @include(if: $b) } } }", "{\"b\": true}")]
    [InlineData("query($where: AwardFilterInput) { awards(where: $where) { nodes { year } } }", "{\"where\": { \"year\": { \"eq\": 2023 } } }")]
    [InlineData("query($y: Int = 2023) { round(year: $y) { year } }", "{}")]
    [InlineData("query($first: Int) { awards(first: $first) { nodes { year } } }", "{\"first\": null}")]
    public async Task What_it_cannot_coerce_as_GraphQL_NET_does_goes_to_GraphQL_NETs_validator(string query, string variablesJson)
    {
        await using var server = await KvkTestServer.StartAsync();
        var options = CachedDocument(server, query, variablesJson);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new CachedDocumentValidator(new ThrowingValidator()).ValidateAsync(options));
    }

    [Theory]
    [InlineData("{\"y\": \"2023\"}")]
    [InlineData("{\"y\": null}")]
    [InlineData("{}")]
    [InlineData("{\"y\": 2023.5}")]
    public async Task Bad_variables_of_a_cached_document_get_the_error_they_got_before_it_was_cached(string variablesJson)
    {
        await using var server = await KvkTestServer.StartAsync();
        const string Query = "query($y: Int!) { round(year: $y) { year } }";
        var variables = JsonSerializer.Deserialize<Dictionary<string, object?>>(variablesJson);
        var uncached = await server.PostAsync(Query, variables);

        Assert.Equal(2023, (await server.QueryAsync(Query, new { y = 2023 }))["round"]!["year"]!.GetValue<int>());
        var cached = await server.PostAsync(Query, variables);

        Assert.NotNull(uncached["errors"]);
        Assert.Equal(uncached.ToJsonString(), cached.ToJsonString());
    }

    /// <summary>What the executer hands the validator for a cached document with no per-request rule.</summary>
    private static ValidationOptions CachedDocument(KvkTestServer server, string query, string variablesJson)
    {
        var schema = server.Services.GetRequiredService<KvkSchema>();
        schema.Initialize();
        var document = Parser.Parse(query);
        return new ValidationOptions
        {
            Schema = schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Single(),
            Rules = [],
            Variables = server.Services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(variablesJson)!,
            Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
        };
    }

    private static string Describe(Variables? variables) =>
        string.Join("; ", (variables ?? Variables.None).Select(v => $"{v.Name}={JsonSerializer.Serialize(v.Value)} specified={v.ValueSpecified} " +
            $"default={v.IsDefault}"));

    private static string Describe(IReadOnlyDictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, ArgumentValue>>? arguments) =>
        string.Join("; ", (arguments ?? new Dictionary<GraphQLParser.AST.GraphQLField, IDictionary<string, ArgumentValue>>())
            .OrderBy(a => a.Key.Location.Start)
            .Select(a => $"{a.Key.Alias?.Name.StringValue ?? a.Key.Name.StringValue}@{a.Key.Location.Start}(" + string.Join(
                ", ",
                a.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={JsonSerializer.Serialize(v.Value.Value)}/{v.Value.Source}")) + ")"));

    /// <summary>The fallback, which these requests must not need.</summary>
    private sealed class ThrowingValidator : IDocumentValidator
    {
        public Task<IValidationResult> ValidateAsync(in ValidationOptions options) => throw new InvalidOperationException(
            "The cached document was handed to GraphQL.NET's validator.");
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>
/// Introspection costs what it selects, like any other field: one standard introspection (graphql-js 16's, every
/// option on, as GraphiQL and codegen send it) stays well within the limit, thirty of it under aliases do not.
/// </summary>
public sealed class IntrospectionCostTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    /// <summary>graphql-js 16.11's <c>getIntrospectionQuery</c> with every option on, its ignored characters stripped.</summary>
    private const string StandardIntrospection =
        "query IntrospectionQuery{__schema{description queryType{name kind}mutationType{name kind}subscriptionType{name kind}types{...FullType}" +
        "directives{name description isRepeatable locations args(includeDeprecated:true){...InputValue}}}}fragment FullType on __Type{kind name " +
        "description specifiedByURL isOneOf fields(includeDeprecated:true){name description args(includeDeprecated:true){...InputValue}" +
        "type{...TypeRef}isDeprecated deprecationReason}inputFields(includeDeprecated:true){...InputValue}interfaces{...TypeRef}" +
        "enumValues(includeDeprecated:true){name description isDeprecated deprecationReason}possibleTypes{...TypeRef}}fragment InputValue on " +
        "__InputValue{name description type{...TypeRef}defaultValue isDeprecated deprecationReason}fragment TypeRef on __Type{kind name ofType{kind " +
        "name ofType{kind name ofType{kind name ofType{kind name ofType{kind name ofType{kind name ofType{kind name ofType{kind name ofType{kind " +
        "name}}}}}}}}}}";

    [Fact]
    public async Task One_standard_introspection_costs_what_it_selects_and_stays_well_within_the_limit()
    {
        var answer = await SendAsync(StandardIntrospection, "report");

        Assert.True(answer["errors"] is null, answer.ToJsonString());
        Assert.True(answer["data"]!["__schema"]!["types"]!.AsArray().Count > 30);
        var cost = (double)answer["extensions"]!["operationCost"]!["fieldCost"]!;
        var limit = (double)answer["extensions"]!["operationCost"]!["maxFieldCost"]!;
        Assert.True(cost > 1_000, $"Introspection costs {cost}: it is not counted.");
        Assert.True(cost <= limit / 2, $"One standard introspection costs {cost} of {limit}: too little margin.");
    }

    [Fact]
    public async Task Thirty_aliased_introspections_are_refused_as_too_complex()
    {
        var fragments = StandardIntrospection[StandardIntrospection.IndexOf("fragment FullType", StringComparison.Ordinal)..];
        var schemaStart = StandardIntrospection.IndexOf("__schema", StringComparison.Ordinal) + "__schema".Length;
        var schema = StandardIntrospection[schemaStart..StandardIntrospection.IndexOf("fragment FullType", StringComparison.Ordinal)];
        schema = schema[..schema.LastIndexOf('}')];
        var aliased = "{" + string.Concat(Enumerable.Range(0, 30).Select(i => $"s{i}:__schema{schema}")) + "}" + fragments;

        var answer = await SendAsync(aliased, null);

        Assert.Null(answer["data"]);
        Assert.Equal("COMPLEXITY", (string?)answer["errors"]![0]!["extensions"]!["code"]);
    }

    private async Task<JsonNode> SendAsync(string query, string? cost)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (cost is not null)
        {
            request.Headers.Add("GraphQL-Cost", cost);
        }

        using var response = await kvk.Server.Client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

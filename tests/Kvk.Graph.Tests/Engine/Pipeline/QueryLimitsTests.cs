using System.Text;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

public sealed class QueryLimitsTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private async Task<string> RefusalCode(string query, object? variables = null)
    {
        var response = await kvk.Server.PostAsync(query, variables);
        Assert.Null(response["data"]?["awards"]);
        return response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_request_body_over_64_KiB_is_refused_with_413()
    {
        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(
            "{\"query\":\"{ awards { totalCount } }\",\"variables\":{\"padding\":\"" + new string('x', 70 * 1024) + "\"}}"));

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_before_parsing() =>
        Assert.Equal("DOCUMENT_TOO_LARGE", await RefusalCode("{ awards { totalCount } }" + new string(' ', 17 * 1024)));

    [Fact]
    public async Task A_document_with_too_many_tokens_is_refused() =>
        Assert.Equal("TOO_MANY_TOKENS", await RefusalCode("{" + string.Concat(Enumerable.Repeat(" a", 3001)) + " }"));

    [Fact]
    public async Task A_refused_document_is_refused_again_when_sent_again()
    {
        // Documents are checked before they are parsed and cached, so a refusal must not let one in.
        var query = "{" + string.Concat(Enumerable.Repeat(" b", 3001)) + " }";

        Assert.Equal("TOO_MANY_TOKENS", await RefusalCode(query));
        Assert.Equal("TOO_MANY_TOKENS", await RefusalCode(query));
    }

    [Fact]
    public async Task Too_many_aliases_are_refused() =>
        Assert.Equal("TOO_MANY_ALIASES", await RefusalCode("{" + string.Concat(Enumerable.Range(0, 31).Select(i => $" a{i}: counties {{ code }}")) + " }"));

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused()
    {
        var deep = new StringBuilder("{ award(year: 2023) { municipality { awards { round { award { municipality { awards { round { award { municipality { " +
            "awards { round { award { municipality { awards { round { year } } } } } } } } } } } } } } } } }");

        Assert.Equal("COMPLEXITY", await RefusalCode(deep.ToString()));
    }

    [Fact]
    public async Task A_query_whose_lists_multiply_past_the_complexity_limit_is_refused_and_first_counts() =>
        Assert.Equal("COMPLEXITY", await RefusalCode("{ municipalities(first: 100) { nodes { county { municipalities { nominations { round { nominees { " +
            "municipality { county { municipalities { code } } } } } } } } } } }"));

    [Fact]
    public async Task A_cached_document_is_still_refused_when_its_variables_multiply_it_past_the_complexity_limit()
    {
        const string Query = "query($n: Int) { municipalities(first: $n) { nodes { county { municipalities { nominations { round { nominees { municipality { " +
            "code } } } } } } } } }";
        var small = await kvk.Server.PostAsync(Query, new { n = 1 });

        Assert.Null(small["errors"]);
        Assert.Equal("COMPLEXITY", await RefusalCode(Query, new { n = 100 }));
    }

    [Fact]
    public async Task Variables_over_the_size_limit_are_refused() =>
        Assert.Equal("VARIABLES_TOO_LARGE", await RefusalCode("query($ids: [ID!]!) { " +
            "nodes(ids: $ids) { id } }", new { ids = Enumerable.Range(0, 600).Select(i => $"id{i}").ToArray() }));

    [Fact]
    public async Task The_full_introspection_query_stays_within_the_limits()
    {
        var data = await kvk.Server.QueryAsync(IntrospectionQuery);

        Assert.True(data["__schema"]!["types"]!.AsArray().Count > 30);
    }

    [Fact]
    public async Task Outside_development_a_misspelt_field_is_refused_without_suggesting_names()
    {
        var response = await kvk.Server.PostAsync("{ awardz { totalCount } }");

        var message = response["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("awardz", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
    }

    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}

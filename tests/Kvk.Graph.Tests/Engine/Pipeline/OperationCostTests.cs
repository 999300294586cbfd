using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>
/// An operation's cost is what the complexity limit counts, a client can ask for it (<c>GraphQL-Cost: report</c>) or
/// for nothing else (<c>validate</c>), and the schema publishes the weights (<c>@cost</c>, <c>@listSize</c>).
/// </summary>
public sealed class OperationCostTests
{
    private const string Query = "{ awards(first: 7, where: { municipality: { nominations: { some: { year: { gte: 2005 } } } } }) { nodes { year " +
        "municipality { name nominations { year } } } } nominationsAggregate { groupBy(by: [YEAR], first: 3) { key count } } }";

    [Fact]
    public async Task The_reported_cost_is_the_one_the_limit_holds_the_operation_to()
    {
        double reported;
        await using (var server = await KvkTestServer.StartAsync())
        {
            var answer = await SendAsync(server, Query, "report");
            Assert.NotNull(answer["data"]!["awards"]);
            reported = (double)answer["extensions"]!["operationCost"]!["fieldCost"]!;
            Assert.Equal(20_000, (double)answer["extensions"]!["operationCost"]!["maxFieldCost"]!);
        }

        Assert.True(reported > 100, $"A cost of {reported} counts neither the filter nor the lists.");
        await using (var exact = await KvkTestServer.StartAsync(null, $"--Kvk:Limits:MaxComplexity={reported}"))
        {
            Assert.Null((await SendAsync(exact, Query, null))["errors"]);
        }

        await using var below = await KvkTestServer.StartAsync(null, $"--Kvk:Limits:MaxComplexity={reported - 1}");
        var refused = await SendAsync(below, Query, "validate");
        Assert.Contains("complexity", (string?)refused["errors"]![0]!["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(reported, (double)refused["extensions"]!["operationCost"]!["fieldCost"]!);
    }

    [Fact]
    public async Task Validate_costs_the_operation_without_running_it()
    {
        const string token = "test-token-cost-5d2a";
        await using var server = await KvkTestServer.StartAsync(
            null, "--Kvk:Secretariat:Tokens:0:Name=Cost", $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(token))}");

        var year = Given.On(server).AFreeYear();
        var answer = await SendAsync(server, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ year }} }} }}", "validate", token);

        Assert.Null(answer["data"]);
        Assert.Null(answer["errors"]);
        Assert.True((double)answer["extensions"]!["operationCost"]!["fieldCost"]! > 0);
        Assert.Null((await server.QueryAsync($"{{ round(year: {year}) {{ year }} }}"))["round"]);
    }

    [Fact]
    public async Task Without_the_header_nothing_is_reported()
    {
        await using var server = await KvkTestServer.StartAsync();

        Assert.Null((await SendAsync(server, Query, null))["extensions"]);
    }

    [Fact]
    public void The_schema_publishes_the_weights_the_limit_uses()
    {
        var sdl = File.ReadAllText(Path.Combine(Repository.Root, "schema.graphql"));

        Assert.Contains("directive @cost(", sdl, StringComparison.Ordinal);
        Assert.Contains("directive @listSize(", sdl, StringComparison.Ordinal);
        Assert.Contains("): AwardsConnection! @listSize(assumedSize: 20, slicingArguments: [\"first\", \"last\"], sizedFields: " +
            "[\"edges\", \"nodes\"]", sdl, StringComparison.Ordinal);
        Assert.Matches(@"some: \w+FilterInput @cost\(weight: ""100""\)", sdl);
        Assert.Matches(@"eq: String @cost\(weight: ""2""\)", sdl);
        Assert.Contains(": [AggregateGroup!]! @cost(weight: \"50\") @listSize(assumedSize: 300", sdl, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> SendAsync(KvkTestServer server, string query, string? cost, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (cost is not null)
        {
            request.Headers.Add("GraphQL-Cost", cost);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await server.Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        return body;
    }
}

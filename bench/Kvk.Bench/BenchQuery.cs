using System.Text.Json;

namespace Kvk.Bench;

/// <summary>
/// A consumer query the harness measures: its GraphQL body and, for a cache-busting variant, a wrk
/// Lua expression that makes the variables of each request different.
/// </summary>
public sealed record BenchQuery(string Name, string Query, object? Variables, string? VaryingVariablesLua = null)
{
    public string Body => JsonSerializer.Serialize(new { query = Query, variables = Variables });

    public bool IsCacheBusting => VaryingVariablesLua is not null;

    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        new("award list", "{ awards(first: 20) { totalCount nodes { year title recipientName municipality { code name county { code name } } } } }", null),
        new("round with nominees and history", "{ round(year: 2023) { year status nominees { municipality { name county { name } } } decision { recipientName motivation } history { version type occurredAt actor summary } } }", null),
        new("filtered sorted page", FilteredPage, new { from = 2005, to = 2023 }),
        new("search", Search, new { text = "styrning" }),
        new("filtered sorted page, cache-busting", FilteredPage, new { from = 2005, to = 2023 }, "'{\"from\":' .. (2003 + 2 * math.random(0, 5)) .. ',\"to\":' .. math.random(2023, 2000000000) .. '}'"),
        new("search, cache-busting", Search, new { text = "styrning" }, "'{\"text\":\"styrning or x' .. math.random(1, 2000000000) .. '\"}'"),
    ];

    private const string FilteredPage = "query($from: Int!, $to: Int!) { awards(first: 10, where: { year: { gte: $from, lte: $to }, municipality: { county: { code: { in: [\"01\", \"12\", \"13\", \"24\"] } } } }, order: [{ municipality: { name: ASC } }, { year: DESC }]) { totalCount nodes { year recipientName municipality { name } } pageInfo { hasNextPage endCursor } } }";

    private const string Search = "query($text: String!) { search(text: $text, first: 5) { totalCount nodes { rank excerpt award { year recipientName } } } }";

    /// <summary>The wrk script: POST the body, or build it per request with varying variables.</summary>
    public string WrkScript()
    {
        var query = JsonSerializer.Serialize(Query);
        var request = IsCacheBusting
            ? $"local body = '{{\"query\":' .. query .. ',\"variables\":' .. {VaryingVariablesLua} .. '}}'\n  return wrk.format('POST', '/graphql', headers, body)"
            : "return wrk.format('POST', '/graphql', headers, fixed)";
        return $$"""
            local query = [==[{{query}}]==]
            local fixed = [==[{{Body}}]==]
            local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json, application/json" }
            math.randomseed(os.time())
            request = function()
              {{request}}
            end
            """;
    }
}

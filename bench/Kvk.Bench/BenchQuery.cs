using System.Text.Json;

namespace Kvk.Bench;

/// <summary>
/// A consumer query the harness measures: its GraphQL body and, for a cache-busting variant, a wrk
/// Lua expression that makes the variables of each request different. A surface beside the API (an explorer
/// page, a download) is a GET of its <see cref="Path"/> instead, made different per request by a Lua expression of
/// the path.
/// </summary>
public sealed record BenchQuery(string Name, string Query, object? Variables, string? VaryingVariablesLua = null, string? Path = null)
{
    public string Body => JsonSerializer.Serialize(new { query = Query, variables = Variables });

    public bool IsCacheBusting => VaryingVariablesLua is not null;

    /// <summary>What the harness asks first, to learn the bytes the bare endpoint serves.</summary>
    public HttpRequestMessage Request(string hostUrl) => Path is null
        ? new HttpRequestMessage(HttpMethod.Post, $"{hostUrl}/graphql") { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") }
        : new HttpRequestMessage(HttpMethod.Get, hostUrl + Path);

    /// <summary>A GET of a page or a download; <paramref name="varyingPathLua"/> makes each request's path different.</summary>
    public static BenchQuery Get(string name, string path, string? varyingPathLua = null) => new(name, "", null, varyingPathLua, path);

    public static IReadOnlyList<BenchQuery> All { get; } =
    [
        new("award list", "{ awards(first: 20) { totalCount nodes { year title recipientName municipality { code name county { code name } } } } }", null),
        new("round with nominees and history", "{ round(year: 2023) { year status nominees { municipality { name county { name } } } decision { " +
            "recipientName motivation } history { version type occurredAt actor summary } } }", null),
        new("filtered sorted page", FilteredPage, new { from = 2005, to = 2023 }),
        new("search", Search, new { text = "styrning" }),
        new("filtered sorted page, cache-busting", FilteredPage, new { from = 2005, to = 2023 },
            "'{\"from\":' .. (2003 + 2 * math.random(0, 5)) .. ',\"to\":' .. math.random(2023, 2000000000) .. '}'"),
        new("search, cache-busting", Search, new { text = "styrning" }, "'{\"text\":\"styrning or x' .. math.random(1, 2000000000) .. '\"}'"),
        Get("explorer: round page", "/omgang/2023"),
        Get("explorer: municipality page", "/kommun/1284"),
        Get("explorer: search page, cache-busting", "/sok?q=styrning", "'/sok?q=styrning+or+x' .. math.random(1, 2000000000)"),
        Get("download: awards CSV", "/download/awards.csv"),
        Get(
            "download: filtered awards CSV, cache-busting",
            "/download/awards.csv?where=" + FilteredDownload,
            "'/download/awards.csv?where=" + FilteredDownloadHead + "' .. math.random(2023, 2000000000) .. '" + FilteredDownloadTail + "'"),
    ];

    /// <summary>
    /// What the profile measures beside the benchmark queries, to bracket a cache-missing request's cost: GraphQL alone
    /// (parsing the body, the cached document, validation of new variables, execution, serialization; no SQL), and that
    /// plus one lookup of an award by its year (one SQL statement). The introspection field only makes each request's
    /// variables new, so that no cached response answers it.
    /// </summary>
    public static IReadOnlyList<BenchQuery> References { get; } =
    [
        new("reference: GraphQL alone, cache-busting", "query($type: String!) { __type(name: $type) { name } }", new { type = "Award" },
            "'{\"type\":\"T' .. math.random(1, 2000000000) .. '\"}'"),
        new(
            "reference: one lookup, cache-busting",
            "query($year: Int!, $type: String!) { award(year: $year) { year recipientName } __type(name: $type) { name } }",
            new { year = 2023, type = "Award" }, "'{\"year\":' .. (2003 + 2 * math.random(0, 10)) .. ',\"type\":\"T' .. math.random(1, 2000000000) .. '\"}'"),
    ];

    // {"year":{"gte":2005,"lte":2023}}, written for a URL.
    private const string FilteredDownloadHead = "%7B%22year%22%3A%7B%22gte%22%3A2005%2C%22lte%22%3A";
    private const string FilteredDownloadTail = "%7D%7D";
    private const string FilteredDownload = FilteredDownloadHead + "2023" + FilteredDownloadTail;

    private const string FilteredPage = "query($from: Int!, $to: Int!) { awards(first: 10, where: { year: { gte: $from, lte: $to }, municipality: { county: " +
        "{ code: { in: [\"01\", \"12\", \"13\", \"24\"] } } } }, order: [{ municipality: { name: ASC } }, { year: DESC }]) { totalCount nodes { year " +
        "recipientName municipality { name } } pageInfo { hasNextPage endCursor } } }";

    private const string Search = "query($text: String!) { search(text: $text, first: 5) { totalCount nodes { rank excerpt award { year recipientName } } } }";

    /// <summary>
    /// The wrk script: POST the body, or build it per request with varying variables; GET the path, or a varying one. Each of
    /// wrk's threads draws its variables from a sequence of its own, seeded with a number new for every script: seeded with
    /// the time alone, wrk's two threads sent the same variables one after the other (the second answered from the response
    /// cache: a fifth of the cache-busting requests, as the request profile showed), and so would two runs in turn.
    /// </summary>
    public string WrkScript()
    {
        var query = JsonSerializer.Serialize(Query);
        var request = (Path, IsCacheBusting) switch
        {
            (null, true) => $"local body = '{{\"query\":' .. query .. ',\"variables\":' .. {VaryingVariablesLua} .. '}}'\n  return wrk.format('POST', " +
                "'/graphql', headers, body)",
            (null, false) => "return wrk.format('POST', '/graphql', headers, fixed)",
            (_, true) => $"return wrk.format('GET', {VaryingVariablesLua})",
            (_, false) => $"return wrk.format('GET', [==[{Path}]==])",
        };
        return $$"""
            local query = [==[{{query}}]==]
            local fixed = [==[{{Body}}]==]
            local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json, application/json" }
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("thread_number", threads)
            end
            function init(args)
              math.randomseed({{Random.Shared.Next(1, 1 << 24)}} * 64 + thread_number)
            end
            request = function()
              {{request}}
            end
            """;
    }
}

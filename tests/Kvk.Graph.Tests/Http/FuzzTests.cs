using System.Net;
using System.Text;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Http;

/// <summary>Thousands of malformed, truncated, nested, huge and random requests: every answer is a 4xx or a GraphQL error, never a 5xx.</summary>
public sealed class FuzzTests
{
    private const int Requests = 3000;

    private static readonly string[] Valid =
    [
        "{ awards(first: 5, order: [{ year: DESC }]) { totalCount nodes { year title municipality { name county { name } } } } }",
        "query($y: Int!) { round(year: $y) { status nominees { municipality { code } } history { type summary } } }",
        "{ rounds(where: { nominees: { some: { municipality: { name: { eq: \"Nacka\" } } } } }) { nodes { year } } }",
        "{ search(text: \"styrning\") { nodes { excerpt rank award { year } } } }",
        "{ node(id: \"QXdhcmQ6MjAyMw==\") { id ... on Award { year } } }",
    ];

    private static readonly string[] Tokens = ["{", "}", "(", ")", "[", "]", ":", "$", "!", "...", "@", "=", "|", "&", "\"", "query", "mutation", "fragment", "on", "awards", "round", "year", "first", "where", "eq", "null", "true", "1e999", "-0", "\\u0000", "å", "\u0000", "#", "\n"];

    [Fact]
    public async Task Malformed_requests_get_4xx_or_graphql_errors_and_the_host_stays_up_with_bounded_memory()
    {
        await using var server = await KvkTestServer.StartAsync();
        var random = new Random(20231115);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var failures = new List<string>();
        for (var batch = 0; batch < Requests / 10; batch++)
        {
            var requests = Enumerable.Range(0, 10).Select(_ => Next(random)).ToList();
            var statuses = await Task.WhenAll(requests.Select(r => SendAsync(server.Client, r)));
            failures.AddRange(statuses.Zip(requests).Where(s => (int)s.First >= 500).Select(s => $"{(int)s.First}: {s.Second.Method} {Truncate(s.Second.Body)}"));
        }

        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Empty(failures);
        Assert.Equal(11, (await server.QueryAsync("{ awards { totalCount } }"))["awards"]!["totalCount"]!.GetValue<int>());
        Assert.True(after - before < 64L * 1024 * 1024, $"The managed heap grew by {(after - before) / (1024 * 1024)} MB.");
    }

    private sealed record FuzzRequest(HttpMethod Method, string Body, string ContentType);

    private static FuzzRequest Next(Random random)
    {
        var valid = Valid[random.Next(Valid.Length)];
        string Json(string query) => $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)},\"variables\":{{\"y\":{random.Next(-5, 3000)}}}}}";
        return random.Next(10) switch
        {
            0 => new(HttpMethod.Post, Json(valid[..random.Next(valid.Length)]), "application/json"),
            1 => new(HttpMethod.Post, Json(new string('{', random.Next(1, 5000)) + new string('}', random.Next(0, 5000))), "application/json"),
            2 => new(HttpMethod.Post, Json(string.Join(' ', Enumerable.Range(0, random.Next(1, 400)).Select(_ => Tokens[random.Next(Tokens.Length)]))), "application/json"),
            3 => new(HttpMethod.Post, Json("{ awards(where: " + string.Concat(Enumerable.Repeat("{ and: [", random.Next(1, 300))) + "{}" + string.Concat(Enumerable.Repeat("] }", random.Next(1, 300))) + ") { totalCount } }"), "application/json"),
            4 => new(HttpMethod.Post, Encoding.Latin1.GetString(Enumerable.Range(0, random.Next(0, 2000)).Select(_ => (byte)random.Next(256)).ToArray()), "application/json"),
            5 => new(HttpMethod.Post, Json(valid)[..random.Next(Json(valid).Length)], "application/json"),
            6 => new(HttpMethod.Post, random.Next(4) switch
            {
                0 => "{\"query\":42}",
                1 => "{\"query\":\"{ awards { totalCount } }\",\"variables\":\"nope\"}",
                2 => "[{\"query\":\"{ awards { totalCount } }\"}]",
                _ => "{\"query\":\"query($y: Int!) { award(year: $y) { year } }\",\"variables\":{\"y\":\"" + new string('9', random.Next(1, 500)) + "\"}}",
            }, "application/json"),
            7 => new(HttpMethod.Post, Json(valid + new string(' ', random.Next(0, 100_000))), "application/json"),
            8 => new(HttpMethod.Get, "?query=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, random.Next(1, 100)).Select(_ => Tokens[random.Next(Tokens.Length)]))) + "&variables=" + Uri.EscapeDataString(random.Next(2) == 0 ? "{" : "[1,2]"), ""),
            _ => new(HttpMethod.Post, Json(valid.Replace("year", Tokens[random.Next(Tokens.Length)], StringComparison.Ordinal)), random.Next(3) == 0 ? "text/plain" : "application/json"),
        };
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = request.Method == HttpMethod.Get
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql" + request.Body)
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType) };
        using var response = await client.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode;
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

using System.Text;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Transport;

/// <summary>
/// Thousands of malformed, truncated, nested, huge, hostile and random requests over POST, GET, Server-Sent Events
/// and WebSocket: every answer is a 4xx, a GraphQL error or a protocol close, never a 5xx or an internal error.
/// </summary>
[Collection(ProcessWideMeasures.Name)]
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

    /// <summary>Requests written to get past a limit: each must meet a clear refusal.</summary>
    internal static readonly string[] Hostile =
    [
        "query A { __typename } query B { awards(first: 100) { nodes { round { nominees { municipality { awards { round { nominees { municipality { " +
            "nominations { year } } } } } } } } } } }",
        "{ awards(where: { recipientName: { contains: \"\\u0000\" } }) { totalCount } }",
        "{ search(text: \"styr\\u0000ning\") { totalCount } }",
        "{ municipalities(where: { or: [" + string.Join(",", Enumerable.Repeat("{ nominations: { any: true, some: {} } }", 120)) + "] }) { totalCount } }",
        "{ awards(where: " + string.Concat(Enumerable.Repeat("{ and: [", 60)) + "{}" + string.Concat(Enumerable.Repeat("] }", 60)) + ") { totalCount } }",
        $"mutation {{ openRound(input: {{ year: {RoundYears.NeverRecorded}, clientMutationId: \"\\u0000\" }}) {{ errors {{ ... on Error {{ code }} }} }} }}",
        "{ " + string.Join(" ", Enumerable.Range(0, 40).Select(i => $"a{i}: awards {{ totalCount }}")) + " }",
    ];

    internal static readonly string[] Tokens = [
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        ":",
        "$",
        "!",
        "...",
        "@",
        "=",
        "|",
        "&",
        "\"",
        "query",
        "mutation",
        "fragment",
        "on",
        "awards",
        "round",
        "year",
        "first",
        "where",
        "eq",
        "null",
        "true",
        "1e999",
        "-0",
        "\\u0000",
        "å",
        "\u0000",
        "#",
        "\n",
    ];

    [Fact]
    public async Task Malformed_and_hostile_requests_on_every_transport_get_clear_refusals_and_the_host_stays_up_with_bounded_memory()
    {
        await using var server = await KvkTestServer.StartAsync();
        var random = new Random(20231115);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var failures = new List<string>();
        for (var batch = 0; batch < Requests / 10; batch++)
        {
            var requests = Enumerable.Range(0, 10).Select(_ => Next(random)).ToList();
            var outcomes = await Task.WhenAll(requests.Select(r => SendAsync(server, r)));
            failures.AddRange(outcomes.Zip(requests).Where(o => o.First is not null).Select(o => $"{o.First}: {o.Second.Transport} {Truncate(o.Second.Body)}"));
        }

        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Empty(failures);
        foreach (var transport in Transports.Names)
        {
            var (status, response) = await Transports.SendAsync(server, transport, "{ awards { totalCount } }");
            Assert.Equal(200, status);
            Assert.Equal(11, response["data"]!["awards"]!["totalCount"]!.GetValue<int>());
        }

        Assert.True(after - before < 64L * 1024 * 1024, $"The managed heap grew by {(after - before) / (1024 * 1024)} MB.");
    }

    /// <param name="Transport">POST, GET, SSE, or WebSocket (the body is the <c>subscribe</c> payload, or a whole message when it is not JSON).</param>
    private sealed record FuzzRequest(string Transport, string Body, string ContentType)
    {
        public FuzzRequest(HttpMethod method, string body, string contentType)
            : this(method == HttpMethod.Get ? Transports.Get : Transports.Post, body, contentType)
        {
        }
    }

    private static FuzzRequest Next(Random random)
    {
        var request = Generate(random);
        return random.Next(4) switch
        {
            0 when request.Transport == Transports.Post => request with { Transport = Transports.Sse },
            1 when request.Transport == Transports.Post => request with { Transport = Transports.WebSocket },
            _ => request,
        };
    }

    private static FuzzRequest Generate(Random random)
    {
        if (random.Next(8) == 0)
        {
            var hostile = Hostile[random.Next(Hostile.Length)];
            var operationName = hostile.StartsWith("query A", StringComparison.Ordinal) ? "\"B\"" : "null";
            return new(
                HttpMethod.Post,
                $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(hostile)},\"operationName\":{operationName}}}",
                "application/json");
        }

        var valid = Valid[random.Next(Valid.Length)];
        string Json(string query) => $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(query)},\"variables\":{{\"y\":{random.Next(-5, 3000)}}}}}";
        return random.Next(10) switch
        {
            0 => new(HttpMethod.Post, Json(valid[..random.Next(valid.Length)]), "application/json"),
            1 => new(HttpMethod.Post, Json(new string('{', random.Next(1, 5000)) + new string('}', random.Next(0, 5000))), "application/json"),
            2 => new(
                HttpMethod.Post,
                Json(string.Join(' ', Enumerable.Range(0, random.Next(1, 400)).Select(_ => Tokens[random.Next(Tokens.Length)]))),
                "application/json"),
            3 => new(
                HttpMethod.Post,
                Json("{ awards(where: " + string.Concat(Enumerable.Repeat("{ and: [", random.Next(1, 300))) + "{}" + string.Concat(Enumerable.Repeat(
                    "] }",
                    random.Next(1, 300))) + ") { totalCount } }"),
                "application/json"),
            4 => new(
                HttpMethod.Post,
                Encoding.Latin1.GetString(Enumerable.Range(0, random.Next(0, 2000)).Select(_ => (byte)random.Next(256)).ToArray()),
                "application/json"),
            5 => new(HttpMethod.Post, Json(valid)[..random.Next(Json(valid).Length)], "application/json"),
            6 => new(HttpMethod.Post, random.Next(4) switch
            {
                0 => "{\"query\":42}",
                1 => "{\"query\":\"{ awards { totalCount } }\",\"variables\":\"nope\"}",
                2 => "[{\"query\":\"{ awards { totalCount } }\"}]",
                _ => "{\"query\":\"query($y: Int!) { award(year: $y) { year } }\",\"variables\":{\"y\":\"" + new string('9', random.Next(1, 500)) + "\"}}",
            }, "application/json"),
            7 => new(HttpMethod.Post, Json(valid + new string(' ', random.Next(0, 100_000))), "application/json"),
            8 => new(
                HttpMethod.Get,
                "?query=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, random.Next(1, 100)).Select(_ => Tokens[random.Next(Tokens.Length)])))
                    + "&variables=" + Uri.EscapeDataString(random.Next(2) == 0 ? "{" : "[1,2]"),
                ""),
            _ => new(
                HttpMethod.Post,
                Json(valid.Replace("year", Tokens[random.Next(Tokens.Length)], StringComparison.Ordinal)),
                random.Next(3) == 0 ? "text/plain" : "application/json"),
        };
    }

    /// <returns>Null for a clear answer; otherwise what was wrong.</returns>
    private static async Task<string?> SendAsync(KvkTestServer server, FuzzRequest request)
    {
        if (request.Transport == Transports.WebSocket)
        {
            return await SendOverWebSocketAsync(server, request.Body);
        }

        using var message = request.Transport == Transports.Get
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql" + request.Body)
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(request.Body, Encoding.UTF8, request.ContentType) };
        if (request.Transport == Transports.Sse)
        {
            message.Headers.Accept.ParseAdd("text/event-stream");
        }

        using var response = await server.Client.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode >= 500 ? $"HTTP {(int)response.StatusCode}"
            : body.Contains("INTERNAL_ERROR", StringComparison.Ordinal) ? "INTERNAL_ERROR"
            : null;
    }

    private static async Task<string?> SendOverWebSocketAsync(KvkTestServer server, string body)
    {
        using var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync();
        var isObject = body.TrimStart().StartsWith('{') && IsJson(body);
        await socket.SendAsync(isObject ? $"{{\"id\":\"f\",\"type\":\"subscribe\",\"payload\":{body}}}" : body);
        try
        {
            while (await socket.ReceiveAsync() is { } answer)
            {
                var text = answer.ToJsonString();
                if (text.Contains("INTERNAL_ERROR", StringComparison.Ordinal))
                {
                    return "INTERNAL_ERROR";
                }

                if ((string?)answer["type"] is "complete" or "error" || ((string?)answer["type"] == "next" && !body.Contains(
                    "subscription",
                    StringComparison.Ordinal)))
                {
                    return null;
                }
            }
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
            return "connection dropped without a close";
        }

        return socket.Socket.CloseStatus is System.Net.WebSockets.WebSocketCloseStatus.InternalServerError ? "close 1011" : null;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

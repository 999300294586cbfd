using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kvk.Graph.Tests.Support;

/// <summary>The four ways an operation reaches Kvk, so that a test can hold a rule on every one of them.</summary>
public static class Transports
{
    public const string Post = "POST";
    public const string Get = "GET";
    public const string WebSocket = "WebSocket";
    public const string Sse = "SSE";

    public static readonly string[] Names = [Post, Get, WebSocket, Sse];

    public static TheoryData<string> All => [.. Names];

    /// <summary>
    /// Sends one operation over <paramref name="transport"/> and returns its result as the GraphQL response
    /// object (<c>data</c>, <c>errors</c>) with the HTTP status where there is one (WebSocket: 200 for a
    /// <c>next</c>, 400 for an <c>error</c> message).
    /// </summary>
    public static async Task<(int Status, JsonObject Response)> SendAsync(
        KvkTestServer server,
        string transport,
        string query,
        object? variables = null,
        string? operationName = null,
        string? token = null)
    {
        switch (transport)
        {
            case WebSocket:
                using (var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!))
                {
                    await socket.InitAsync(token is null ? null : new { Authorization = "Bearer " + token });
                    await socket.SubscribeAsync("1", query, variables, operationName);
                    var first = (await socket.ReceiveOperationAsync("1"))[0];
                    return (string?)first["type"] == "error"
                        ? (400, new JsonObject { ["errors"] = first["payload"]!.DeepClone() })
                        : (200, first["payload"]!.DeepClone().AsObject());
                }

            default:
                using (var request = Request(transport, query, variables, operationName))
                {
                    if (token is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await server.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var json = transport == Sse && response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                        ? body.Split('\n').First(l => l.StartsWith("data: {", StringComparison.Ordinal))["data: ".Length..]
                        : body;
                    return ((int)response.StatusCode, JsonNode.Parse(json)!.AsObject());
                }
        }
    }

    public static HttpRequestMessage Request(string transport, string query, object? variables = null, string? operationName = null)
    {
        if (transport == Get)
        {
            var parameters = $"?query={Uri.EscapeDataString(query)}"
                + (variables is null ? "" : $"&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}")
                + (operationName is null ? "" : $"&operationName={Uri.EscapeDataString(operationName)}");
            return new HttpRequestMessage(HttpMethod.Get, "/graphql" + parameters);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables, operationName }) };
        if (transport == Sse)
        {
            request.Headers.Accept.ParseAdd("text/event-stream");
        }

        return request;
    }

    /// <summary>The error codes of a response.</summary>
    public static IReadOnlyList<string> Codes(JsonObject response) =>
        [.. (response["errors"] as JsonArray ?? []).Select(e => (string?)e?["extensions"]?["code"] ?? "")];
}

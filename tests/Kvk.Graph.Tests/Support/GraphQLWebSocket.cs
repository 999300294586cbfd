using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Live.Rehearsal;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// A raw <c>graphql-transport-ws</c> client: frames are sent as written, so a test can send what a client
/// library would never let through (a message that never ends, a close it never answers).
/// </summary>
public sealed class GraphQLWebSocket : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private GraphQLWebSocket(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<GraphQLWebSocket> ConnectAsync(Uri httpAddress, string subProtocol = "graphql-transport-ws")
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        await socket.ConnectAsync(new UriBuilder(httpAddress) { Scheme = "ws", Path = "/graphql" }.Uri, CancellationToken.None);
        return new GraphQLWebSocket(socket);
    }

    /// <summary>Sends <c>connection_init</c> (with <paramref name="payload"/>) and waits for the acknowledgement.</summary>
    public async Task InitAsync(object? payload = null)
    {
        await SendAsync(JsonSerializer.Serialize(new { type = "connection_init", payload }));
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", (string?)ack?["type"]);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null, string? operationName = null) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query, variables, operationName } }));

    public Task SendAsync(string text) => WebSocketText.SendAsync(Socket, text, CancellationToken.None);

    /// <summary>The next message as JSON, or null when the server closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? Wait);
        return await WebSocketText.ReceiveAsync(Socket, new byte[16 * 1024], cancellation.Token) is { } text ? JsonNode.Parse(text)!.AsObject() : null;
    }

    /// <summary>The messages for one operation id up to its <c>complete</c> or <c>error</c>, skipping others.</summary>
    public async Task<IReadOnlyList<JsonObject>> ReceiveOperationAsync(string id)
    {
        var messages = new List<JsonObject>();
        while (await ReceiveAsync() is { } message)
        {
            if ((string?)message["id"] != id)
            {
                continue;
            }

            messages.Add(message);
            if ((string?)message["type"] is "complete" or "error")
            {
                return messages;
            }
        }

        throw new InvalidOperationException($"The connection closed before operation {id} ended ({Socket.CloseStatus} {Socket.CloseStatusDescription}).");
    }

    /// <summary>Reads until the server's close frame; returns its code and reason.</summary>
    public async Task<(int Status, string? Reason)> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return ((int)Socket.CloseStatus!, Socket.CloseStatusDescription);
    }

    public void Dispose() => Socket.Dispose();
}

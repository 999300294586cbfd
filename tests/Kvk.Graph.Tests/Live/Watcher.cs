using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Live;

/// <summary>One WebSocket with several subscriptions in place, as a watcher's page holds them.</summary>
internal sealed class Watcher : IDisposable
{
    private readonly GraphQLWebSocket _socket;
    private readonly IReadOnlyList<string> _ids;

    // What arrived while the subscriptions were being put in place (what a subscriber missed is sent at once).
    private readonly Queue<JsonObject> _early;

    private Watcher(GraphQLWebSocket socket, IReadOnlyList<string> ids, Queue<JsonObject> early) => (_socket, _ids, _early) = (socket, ids, early);

    /// <summary>Connects (with <paramref name="token"/> in the init payload, where given) and subscribes; returns once every subscription listens.</summary>
    public static async Task<Watcher> StartAsync(
        KvkTestServer server, string? token, IReadOnlyList<(string Id, string Query, object Variables)> subscriptions)
    {
        var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync(token is null ? null : new { Authorization = "Bearer " + token });
        foreach (var (id, query, variables) in subscriptions)
        {
            await socket.SubscribeAsync(id, query, variables);
        }

        // The connection starts its operations in order, each listening before the next is read: once a later
        // query is answered, every subscription before it is in place.
        await socket.SubscribeAsync("ready", "{ __typename }");
        var early = new Queue<JsonObject>();
        while (await socket.ReceiveAsync() is { } message)
        {
            if ((string?)message["id"] != "ready")
            {
                early.Enqueue(message);
            }
            else if ((string?)message["type"] != "next")
            {
                Assert.Equal("complete", (string?)message["type"]);
                return new Watcher(socket, [.. subscriptions.Select(s => s.Id)], early);
            }
        }

        throw new InvalidOperationException($"Closed: {socket.Socket.CloseStatus} {socket.Socket.CloseStatusDescription}");
    }

    /// <summary>The first payload of each subscription that satisfies <paramref name="wanted"/> (earlier changes are skipped).</summary>
    public async Task<IReadOnlyDictionary<string, JsonObject>> NextOfEachAsync(Func<JsonObject, bool> wanted)
    {
        var payloads = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        while (payloads.Count < _ids.Count)
        {
            var (id, payload) = await NextAsync();
            if (!payloads.ContainsKey(id) && wanted(payload))
            {
                payloads[id] = payload;
            }
        }

        return payloads;
    }

    /// <summary>Every payload of each subscription, in the order sent, up to the first that satisfies <paramref name="last"/>.</summary>
    public async Task<IReadOnlyDictionary<string, List<JsonObject>>> UpToEachAsync(Func<JsonObject, bool> last)
    {
        var payloads = _ids.ToDictionary(id => id, _ => new List<JsonObject>(), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (done.Count < _ids.Count)
        {
            var (id, payload) = await NextAsync();
            if (!done.Contains(id))
            {
                payloads[id].Add(payload);
                if (last(payload))
                {
                    done.Add(id);
                }
            }
        }

        return payloads;
    }

    /// <summary>The next payload of one of the subscriptions.</summary>
    private async Task<(string Id, JsonObject Payload)> NextAsync()
    {
        while (true)
        {
            var message = (_early.TryDequeue(out var early) ? early : await _socket.ReceiveAsync())
                ?? throw new InvalidOperationException($"Closed: {_socket.Socket.CloseStatus} {_socket.Socket.CloseStatusDescription}");
            var id = (string?)message["id"];
            Assert.NotEqual("error", (string?)message["type"]);
            if ((string?)message["type"] == "next" && id is not null && _ids.Contains(id))
            {
                return (id, message["payload"]!.AsObject());
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}

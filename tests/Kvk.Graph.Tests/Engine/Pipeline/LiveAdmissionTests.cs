using System.Net;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>
/// WebSocket upgrades and the subscriptions a host has validated before take their permits from a bucket of their own (the
/// live bucket), sized to what a client may hold: the watchers of a host that died, a newsroom's from one address, come
/// back at once although the client's bucket of operations is spent, on both transports that carry subscriptions. Nothing
/// else gets through that way: queries, and subscriptions the host has not seen, still take their permit from the
/// operations.
/// </summary>
public sealed class LiveAdmissionTests
{
    // Every award after 2000 is missed by this subscriber: it is sent at once, so an admitted subscription answers.
    private const string Watch = "subscription Watch { awardAnnounced(afterYear: 2000) { year } }";

    [Fact]
    public async Task Watchers_of_a_known_subscription_come_back_with_their_clients_operations_spent_and_queries_are_still_refused()
    {
        await using var server = await KvkTestServer.StartAsync(null,
            "--Kvk:RateLimiting:Enabled=true", "--Kvk:RateLimiting:PermitsPerSecond=1", "--Kvk:RateLimiting:Burst=3");
        using (var first = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!))
        {
            await first.InitAsync();
            await first.SubscribeAsync("first", Watch);
            Assert.Equal("next", await FirstTypeAsync(first, "first"));
        }

        await SpendOperationsAsync(server);

        var sockets = new List<GraphQLWebSocket>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
                sockets.Add(socket);
                await socket.InitAsync();
                await socket.SubscribeAsync($"w{i}", Watch);
                Assert.Equal("next", await FirstTypeAsync(socket, $"w{i}"));
            }

            for (var i = 0; i < 20; i++)
            {
                using var stream = await server.Client.SendAsync(Transports.Request(Transports.Sse, Watch), HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
                using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
                Assert.Equal("event: next", await reader.ReadLineAsync());
            }

            // A query on a connection that came back, over an event stream, and a subscription the host has not validated yet.
            Assert.True(await RefusedWithOperationsSpentAsync(server, async () =>
            {
                await sockets[0].SubscribeAsync("query", "{ __typename }");
                var answer = await FirstAsync(sockets[0], "query");
                return (string?)answer["type"] == "error" && (string?)answer["payload"]![0]!["extensions"]!["code"] == "RATE_LIMITED";
            }));
            Assert.True(await RefusedWithOperationsSpentAsync(server, () => RateLimitedAsync(server, "{ __typename }")));
            const string Unknown = "subscription { awardAnnounced { year recipientName } }";
            Assert.True(await RefusedWithOperationsSpentAsync(server, () => RateLimitedAsync(server, Unknown)));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task The_live_bucket_spent_closes_an_upgrade_with_a_code_clients_retry_and_refuses_a_known_event_stream_with_429()
    {
        await using var server = await KvkTestServer.StartAsync(null,
            "--Kvk:RateLimiting:Enabled=true", "--Kvk:RateLimiting:Live:PermitsPerSecond=1", "--Kvk:RateLimiting:Live:Burst=4");
        using var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync();
        await socket.SubscribeAsync("first", Watch);
        Assert.Equal("next", await FirstTypeAsync(socket, "first"));

        // The upgrade took one permit and the first subscription, unknown then, one of the operations. A permit comes back
        // every second, and may come between spending the bucket and the upgrade, so that is tried a few times.
        (int Status, string? Reason) closed = default;
        for (var attempt = 0; attempt < 5 && closed.Status != 1013; attempt++)
        {
            await SpendLiveAsync(server);
            using var over = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
            await over.SendAsync("{\"type\":\"connection_init\"}");
            if (await over.ReceiveAsync() is null)
            {
                closed = ((int)over.Socket.CloseStatus!, over.Socket.CloseStatusDescription);
            }
        }

        Assert.Equal(1013, closed.Status);
        Assert.Contains("RATE_LIMITED", closed.Reason, StringComparison.Ordinal);

        // The operations are a bucket apart: a query is answered.
        var (queried, _) = await Transports.SendAsync(server, Transports.Post, "{ __typename }");
        Assert.Equal(200, queried);
    }

    /// <summary>The first message for the operation <paramref name="id"/> (a subscription sends many, then none for a while).</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject> FirstAsync(GraphQLWebSocket socket, string id)
    {
        while (await socket.ReceiveAsync() is { } message)
        {
            if ((string?)message["id"] == id)
            {
                return message;
            }
        }

        throw new InvalidOperationException($"The connection closed before operation {id} answered.");
    }

    private static async Task<string?> FirstTypeAsync(GraphQLWebSocket socket, string id) => (string?)(await FirstAsync(socket, id))["type"];

    private static async Task<bool> RateLimitedAsync(KvkTestServer server, string query)
    {
        var (status, answer) = await Transports.SendAsync(server, Transports.Sse, query);
        return status == 429 && Transports.Codes(answer).SequenceEqual(["RATE_LIMITED"]);
    }

    /// <summary>
    /// Whether <paramref name="refused"/> is refused right after the bucket of operations was spent: a permit comes back
    /// every second, and may come between the two, so it is tried a few times.
    /// </summary>
    private static async Task<bool> RefusedWithOperationsSpentAsync(KvkTestServer server, Func<Task<bool>> refused)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SpendOperationsAsync(server);
            if (await refused())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Opens event streams of a known subscription until the client's live bucket refuses one, as a rate limit does.</summary>
    private static async Task SpendLiveAsync(KvkTestServer server)
    {
        for (var i = 0; i < 20; i++)
        {
            using var stream = await server.Client.SendAsync(Transports.Request(Transports.Sse, Watch), HttpCompletionOption.ResponseHeadersRead);
            if (stream.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var answer = System.Text.Json.Nodes.JsonNode.Parse(await stream.Content.ReadAsStringAsync())!.AsObject();
                Assert.Equal(["RATE_LIMITED"], Transports.Codes(answer));
                Assert.NotNull(stream.Headers.RetryAfter);
                return;
            }
        }

        Assert.Fail("The live bucket was never spent.");
    }

    /// <summary>Asks until the client's bucket of operations refuses.</summary>
    private static async Task SpendOperationsAsync(KvkTestServer server)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((await Transports.SendAsync(server, Transports.Post, "{ __typename }")).Status == 429)
            {
                return;
            }
        }

        Assert.Fail("The bucket of operations was never spent.");
    }
}

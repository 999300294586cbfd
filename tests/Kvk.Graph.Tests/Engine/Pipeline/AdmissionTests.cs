using System.Net;
using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>The rate limit counts operations, on every transport and from one bucket per client; connections and operations per connection are
/// capped.</summary>
public sealed class AdmissionTests
{
    [Fact]
    public async Task One_websocket_cannot_carry_more_operations_than_the_rate_limit_allows_and_http_shares_the_same_budget()
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            "--Kvk:RateLimiting:Enabled=true",
            "--Kvk:RateLimiting:PermitsPerSecond=1",
            "--Kvk:RateLimiting:Burst=10");
        using var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync();

        var outcomes = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            await socket.SubscribeAsync($"q{i}", "{ __typename }");
            var messages = await socket.ReceiveOperationAsync($"q{i}");
            outcomes.Add((string?)messages[0]["type"] == "error" ? (string)messages[0]["payload"]![0]!["extensions"]!["code"]! : "ok");
        }

        using var http = await server.Client.SendAsync(Transports.Request(Transports.Post, "{ __typename }"));
        Assert.InRange(outcomes.Count(o => o == "ok"), 9, 12);
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Equal("RATE_LIMITED", o));
        Assert.Equal(HttpStatusCode.TooManyRequests, http.StatusCode);
        Assert.True(http.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Every_answer_states_the_policy_and_what_is_left_and_a_refusal_says_when_a_permit_is_back()
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            "--Kvk:RateLimiting:Enabled=true",
            "--Kvk:RateLimiting:PermitsPerSecond=1",
            "--Kvk:RateLimiting:Burst=4");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8 && answers.LastOrDefault()?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            answers.Add(await server.Client.SendAsync(Transports.Request(Transports.Post, "{ __typename }")));
        }

        var first = answers[0];
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"operations\";q=4;w=4", Header(first, "RateLimit-Policy"));
        Assert.Matches("^\"operations\";r=3;t=1$", Header(first, "RateLimit"));

        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("\"operations\";q=4;w=4", Header(refused, "RateLimit-Policy"));
        Assert.Equal("\"operations\";r=0;t=4", Header(refused, "RateLimit"));
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter!.Delta);

        using var page = await server.Client.GetAsync("/health/live");
        Assert.StartsWith("\"operations\";r=", Header(page, "RateLimit"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));

    [Theory]
    [InlineData(Transports.Post)]
    [InlineData(Transports.Get)]
    [InlineData(Transports.Sse)]
    public async Task Http_operations_are_limited_per_operation(string transport)
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            "--Kvk:RateLimiting:Enabled=true",
            "--Kvk:RateLimiting:PermitsPerSecond=1",
            "--Kvk:RateLimiting:Burst=5");

        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var (status, response) = await Transports.SendAsync(server, transport, $"{{ a{i}: __typename }}");
            statuses.Add(status);
            if (status == 429)
            {
                Assert.Equal(["RATE_LIMITED"], Transports.Codes(response));
            }
        }

        Assert.InRange(statuses.Count(s => s == 200), 5, 7);
        Assert.InRange(statuses.Count(s => s == 429), 5, 7);
    }

    [Fact]
    public async Task A_connection_over_its_clients_cap_is_accepted_then_closed_with_a_code_clients_retry_and_an_event_stream_gets_429()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:RateLimiting:MaxConnectionsPerClient=3");
        var open = new List<GraphQLWebSocket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!));
            }

            // The upgrade succeeds (an HTTP 429 at the handshake reaches a browser's client only as a failed connection);
            // the close that follows is 1013 Try Again Later, which graphql-ws retries.
            using var over = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
            var (status, reason) = await over.ReceiveCloseAsync();
            using var sse = await server.Client.SendAsync(Transports.Request(Transports.Sse,
                "subscription { awardAnnounced { year } }"), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(1013, status);
            Assert.Contains("TOO_MANY_CONNECTIONS", reason, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.TooManyRequests, sse.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), sse.Headers.RetryAfter!.Delta);

            open[0].Dispose();
            open.RemoveAt(0);
            Assert.True(await Eventually.HoldsAsync(async () =>
            {
                var next = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
                await next.SendAsync("{\"type\":\"connection_init\"}");
                if ((string?)(await next.ReceiveAsync())?["type"] == "connection_ack")
                {
                    open.Add(next);
                    return true;
                }

                next.Dispose();
                return false;
            }, TimeSpan.FromSeconds(30)), "The condition never held within 30 s.");
        }
        finally
        {
            open.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task A_connection_holds_a_bounded_number_of_operations_and_refuses_the_rest_one_by_one_while_the_others_go_on()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:RateLimiting:MaxOperationsPerConnection=20");
        var year = Given.On(server).AFreeYear();
        using var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync();

        for (var i = 0; i < 25; i++)
        {
            await socket.SubscribeAsync($"s{i}", "subscription($year: Int) { roundChanged(year: $year) { status } }", new { year });
        }

        await socket.SubscribeAsync("probe", "{ __typename }");
        var refusals = new List<JsonObject>();
        JsonObject? probe = null;
        while (probe is null && await socket.ReceiveAsync() is { } message)
        {
            if ((string?)message["id"] == "probe")
            {
                probe = message;
            }
            else if ((string?)message["type"] == "error")
            {
                refusals.Add(message);
            }
        }

        Assert.Equal(["s20", "s21", "s22", "s23", "s24"], refusals.Select(r => (string?)r["id"]));
        Assert.All(refusals, r => Assert.Equal("TOO_MANY_OPERATIONS", (string?)r["payload"]![0]!["extensions"]!["code"]));
        Assert.Equal("error", (string?)probe!["type"]);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.Socket.State);

        await Live.SubscriptionTests.RecordAsync(server.Services.GetRequiredService<RoundRecorder>(), new OpenRound(year));
        var received = new HashSet<string>(StringComparer.Ordinal);
        while (received.Count < 20 && await socket.ReceiveAsync() is { } message)
        {
            Assert.Equal("next", (string?)message["type"]);
            received.Add((string)message["id"]!);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"s{i}").ToHashSet(), received);
    }

    [Fact]
    public async Task A_client_over_its_subscriptions_across_connections_is_refused_the_operation_and_an_event_stream_gets_429()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:RateLimiting:MaxSubscriptionsPerClient=3");
        using var first = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        using var second = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await first.InitAsync();
        await second.InitAsync();
        await first.SubscribeAsync("a", "subscription { awardAnnounced { year } }");
        await first.SubscribeAsync("b", "subscription { awardAnnounced { year } }");

        // A query answered after them on the same connection: both subscriptions hold their places (the query gave its back).
        await first.SubscribeAsync("a-and-b-listen", "{ __typename }");
        Assert.Equal("next", (string?)(await first.ReceiveOperationAsync("a-and-b-listen"))[0]["type"]);
        await second.SubscribeAsync("c", "subscription { awardAnnounced { year } }");
        await second.SubscribeAsync("d", "subscription { awardAnnounced { year } }");

        var refused = Assert.Single(await second.ReceiveOperationAsync("d"));
        using var sse = await server.Client.SendAsync(Transports.Request(Transports.Sse,
            "subscription { awardAnnounced { year } }"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("error", (string?)refused["type"]);
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", (string?)refused["payload"]![0]!["extensions"]!["code"]);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, second.Socket.State);
        Assert.Equal(HttpStatusCode.TooManyRequests, sse.StatusCode);
        Assert.NotNull(sse.Headers.RetryAfter);

        // A subscription that ends gives its place back.
        await first.SendAsync("{\"id\":\"a\",\"type\":\"complete\"}");
        var attempt = 0;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var id = $"e{attempt++}";
            await second.SubscribeAsync(id, "subscription { awardAnnounced { year } }");
            await second.SubscribeAsync(id + "-probe", "{ __typename }");
            var refusedAgain = false;
            while (await second.ReceiveAsync() is { } message && (string?)message["id"] != id + "-probe")
            {
                refusedAgain |= (string?)message["id"] == id && (string?)message["type"] == "error";
            }

            return !refusedAgain;
        }, TimeSpan.FromSeconds(30)), "The condition never held within 30 s.");
    }
}

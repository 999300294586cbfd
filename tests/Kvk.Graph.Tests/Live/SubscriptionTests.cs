using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Live;

/// <summary>Live updates over WebSocket (graphql-transport-ws, with the reference client graphql-ws) and SSE.</summary>
public sealed class SubscriptionTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private KvkTestServer _kvk = null!;

    public async Task InitializeAsync() => _kvk = await KvkTestServer.StartAsync();

    public async Task DisposeAsync() => await _kvk.DisposeAsync();

    [NeedsFact(Needs.NodeTooling)]
    public async Task A_subscriber_sees_each_change_to_a_round_and_never_the_secret_decision()
    {
        var year = Given.On(_kvk).AFreeYear();
        var subscription =
            $"subscription {{ roundChanged(year: {year}) {{ year status decision {{ recipientName }} nominees {{ municipality {{ name }} }} }} }}";
        await using var client = NodeScript.Start("subscribe.mjs", WebSocketUrl(_kvk.Client.BaseAddress!), subscription, "3");
        Assert.True((bool)(await client.NextJsonAsync(Wait))["ready"]!);
        var recorder = _kvk.Services.GetRequiredService<RoundRecorder>();

        await RecordAsync(recorder, new OpenRound(year));
        await RecordAsync(recorder, new NominateMunicipality(year, "1283"));
        await RecordAsync(recorder, new RecordJuryDecision(year, "1283", "Motiveringen.", null));

        var opened = await client.NextJsonAsync(Wait);
        var nominated = await client.NextJsonAsync(Wait);
        var decided = await client.NextJsonAsync(Wait);
        Assert.Equal("NOMINATING", (string?)opened["data"]!["roundChanged"]!["status"]);
        Assert.Equal("Helsingborg", (string?)nominated["data"]!["roundChanged"]!["nominees"]![0]!["municipality"]!["name"]);
        Assert.Equal("DECIDED", (string?)decided["data"]!["roundChanged"]!["status"]);
        Assert.Null(decided["data"]!["roundChanged"]!["decision"]);
    }

    [NeedsFact(Needs.NodeTooling)]
    public async Task An_announcement_reaches_award_subscribers()
    {
        await using var client = NodeScript.Start("subscribe.mjs", WebSocketUrl(_kvk.Client.BaseAddress!),
            "subscription { awardAnnounced { year recipientName municipality { name } } }", "1");
        Assert.True((bool)(await client.NextJsonAsync(Wait))["ready"]!);

        var round = await Given.On(_kvk).AnAnnouncedRound(winner: "1283", motivation: "Motiveringen.", nominees: "1283");

        var award = (await client.NextJsonAsync(Wait))["data"]!["awardAnnounced"]!;
        Assert.Equal(round.Year, (int)award["year"]!);
        Assert.Equal("Helsingborgs kommun", (string?)award["recipientName"]);
    }

    [Fact]
    public async Task The_protocol_closes_a_connection_that_subscribes_before_it_is_acknowledged()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename }\"}}");

        var (status, _) = await ReceiveCloseAsync(socket);
        Assert.Equal(4401, status);
    }

    [Fact]
    public async Task The_protocol_answers_ping_with_pong_and_closes_on_a_second_init()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "{\"type\":\"connection_init\"}");
        Assert.Contains("connection_ack", await ReceiveTextAsync(socket), StringComparison.Ordinal);
        await SendAsync(socket, "{\"type\":\"ping\"}");
        Assert.Contains("pong", await ReceiveTextAsync(socket), StringComparison.Ordinal);
        await SendAsync(socket, "{\"type\":\"connection_init\"}");

        var (status, _) = await ReceiveCloseAsync(socket);
        Assert.Equal(4429, status);
    }

    [Fact]
    public async Task The_protocol_refuses_a_second_operation_with_the_same_id()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "{\"type\":\"connection_init\"}");
        await ReceiveTextAsync(socket);
        await SendAsync(socket, "{\"id\":\"a\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { awardAnnounced { year } }\"}}");
        await SendAsync(socket, "{\"id\":\"a\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { awardAnnounced { year } }\"}}");

        var (status, _) = await ReceiveCloseAsync(socket);
        Assert.Equal(4409, status);
    }

    [Fact]
    public async Task A_client_without_websockets_follows_a_round_over_server_sent_events()
    {
        var year = Given.On(_kvk).AFreeYear();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = KvkTestServer.Json($"{{\"query\":\"subscription {{ roundChanged(year: {year}) {{ year status }} }}\"}}"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _kvk.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await WaitForSubscribersAsync();

        await RecordAsync(_kvk.Services.GetRequiredService<RoundRecorder>(), new OpenRound(year));

        using var timeout = new CancellationTokenSource(Wait);
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data: {", StringComparison.Ordinal));
        Assert.Equal($"{{\"data\":{{\"roundChanged\":{{\"year\":{year},\"status\":\"NOMINATING\"}}}}}}", line?["data: ".Length..]);
    }

    internal static string WebSocketUrl(Uri address) => new UriBuilder(address) { Scheme = "ws", Path = "/graphql" }.ToString();

    internal static async Task RecordAsync(RoundRecorder recorder, RoundCommand command)
    {
        var result = await recorder.RecordAsync(command, "test");
        Assert.Equal(RecordingStatus.Accepted, result.Status);
    }

    private async Task WaitForSubscribersAsync()
    {
        var feed = _kvk.Services.GetRequiredService<Kvk.Graph.Live.RoundChangeFeed>();
        var clock = Stopwatch.StartNew();
        while (feed.Rounds.Count == 0 && clock.Elapsed < Wait)
        {
            await Task.Delay(50);
        }
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(WebSocketUrl(_kvk.Client.BaseAddress!)), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(Wait);
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received.Count);
    }

    private static async Task<(int Status, string? Reason)> ReceiveCloseAsync(ClientWebSocket socket)
    {
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return ((int)socket.CloseStatus!, socket.CloseStatusDescription);
            }
        }
    }
}

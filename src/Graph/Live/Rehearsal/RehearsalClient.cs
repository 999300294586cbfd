using System.Net.WebSockets;
using System.Text.Json;

namespace Kvk.Graph.Live.Rehearsal;

/// <summary>
/// A watcher of this host, from the host itself over loopback: it subscribes to the latest award as a watcher coming back
/// does (<c>afterYear</c> the year before), gets it at once from the shared catch-up read, and leaves. Over a WebSocket
/// (graphql-transport-ws) or an event stream, as HAProxy hands watchers over: HTTP/1.1.
/// </summary>
public sealed class RehearsalClient(Uri host, HttpClient http)
{
    private const string LatestAward = "{ awards(first: 1) { nodes { year } } }";

    /// <summary>The year of the newest announced award, or null when none is.</summary>
    public async Task<int?> LatestAwardYearAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(host, "/graphql"), new { query = LatestAward }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var nodes = body.RootElement.GetProperty("data").GetProperty("awards").GetProperty("nodes");
        return nodes.GetArrayLength() == 0 ? null : nodes[0].GetProperty("year").GetInt32();
    }

    /// <summary>The subscription a rehearsing watcher sends: every public field of the award and its municipality.</summary>
    public static string Subscription(int year) =>
        $"subscription Rehearsal {{ awardAnnounced(afterYear: {year - 1}) {{ id title year recipientName motivation announcedAt municipality {{ code name }} }} }}";

    /// <summary>Subscribes over a WebSocket and returns once the award came.</summary>
    public async Task WatchOverWebSocketAsync(int year, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(host) { Scheme = host.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri, http, cancellationToken);
        await WebSocketText.SendAsync(socket, """{"type":"connection_init"}""", cancellationToken);
        var buffer = new byte[16 * 1024];
        while (await WebSocketText.ReceiveAsync(socket, buffer, cancellationToken) is { } text)
        {
            using var message = JsonDocument.Parse(text);
            switch (message.RootElement.GetProperty("type").GetString())
            {
                case "connection_ack":
                    var payload = JsonSerializer.Serialize(new { query = Subscription(year) });
                    await WebSocketText.SendAsync(socket, $$"""{"id":"1","type":"subscribe","payload":{{payload}}}""", cancellationToken);
                    break;
                case "next":
                    Expect(message.RootElement.GetProperty("payload"), year);
                    await WebSocketText.SendAsync(socket, """{"id":"1","type":"complete"}""", cancellationToken);
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "rehearsed", cancellationToken);
                    return;
                case "error":
                    throw new InvalidOperationException($"The host refused the rehearsal's subscription: {message.RootElement.GetRawText()}");
            }
        }

        throw new InvalidOperationException("The host closed the rehearsal's WebSocket before the award came.");
    }

    /// <summary>Subscribes over an event stream and returns once the award came.</summary>
    public async Task WatchOverEventStreamAsync(int year, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/graphql"))
        {
            Content = JsonContent.Create(new { query = Subscription(year) }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                Expect(data.RootElement, year);
                return;
            }
        }

        throw new InvalidOperationException("The host ended the rehearsal's event stream before the award came.");
    }

    private static void Expect(JsonElement result, int year)
    {
        if (!result.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || data.GetProperty("awardAnnounced").GetProperty("year").GetInt32() != year)
        {
            throw new InvalidOperationException($"The rehearsal expected the award of {year}, and got: {result.GetRawText()}");
        }
    }
}

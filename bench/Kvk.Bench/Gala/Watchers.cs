using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Kvk.Graph.Live.Rehearsal;

namespace Kvk.Bench.Gala;

/// <summary>One watcher of the announcement: when it was subscribed, when the award reached it, how often it connected.</summary>
public sealed class Watcher(int id, bool overWebSocket, System.Net.IPAddress from)
{
    private long _receivedTicks;
    private int _connections;

    public int Id { get; } = id;

    public bool OverWebSocket { get; } = overWebSocket;

    /// <summary>The address the watcher connects from (<see cref="WatcherAddresses"/>).</summary>
    public System.Net.IPAddress From { get; } = from;

    public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the award reached the watcher (UTC), or null.</summary>
    public DateTimeOffset? ReceivedAt => Interlocked.Read(ref _receivedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public int Connections => Volatile.Read(ref _connections);

    public string? LastError { get; set; }

    /// <summary>When the watcher last connected (UTC ticks).</summary>
    public long LastConnectedTicks { get; private set; }

    public void Connected()
    {
        LastConnectedTicks = DateTimeOffset.UtcNow.UtcTicks;
        Interlocked.Increment(ref _connections);
    }

    public void Received() => Interlocked.CompareExchange(ref _receivedTicks, DateTimeOffset.UtcNow.UtcTicks, 0);
}

/// <summary>
/// Watchers of <c>awardAnnounced(afterYear:)</c> through HAProxy, as browsers at the gala would be: over WebSocket
/// (graphql-transport-ws) and over Server-Sent Events. A watcher whose connection drops connects again after a
/// random pause of up to a second (as graphql-ws's back-off does) and subscribes again with the same argument; so does one
/// the host refused (a cap or the rate limit, which a newsroom behind one address meets when its people all open at once).
/// </summary>
public sealed class Watchers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];
    private readonly Dictionary<System.Net.IPAddress, HttpClient> _clients = [];
    private readonly Uri _entry;
    private readonly string _subscription;
    private readonly int _year;

    private Watchers(Uri entry, int afterYear, int year)
    {
        _entry = entry;
        _year = year;
        _subscription = JsonSerializer.Serialize(new { query = $"subscription {{ awardAnnounced(afterYear: {afterYear}) {{ year recipientName }} }}" });
    }

    public List<Watcher> All { get; } = [];

    /// <summary>Opens the watchers, at most <paramref name="parallel"/> connecting at once, and waits until each has subscribed.</summary>
    /// <remarks>Of every ten watchers, as many as the options' share go over WebSocket and the rest over SSE, from every address alike.</remarks>
    public static async Task<Watchers> OpenAsync(Uri entry, GalaOptions options, int afterYear, int year, int parallel, TimeSpan within)
    {
        var watchers = new Watchers(entry, afterYear, year);
        using var deadline = new CancellationTokenSource(within);
        using var gate = new SemaphoreSlim(parallel);
        var (webSockets, serverSentEvents) = (options.WebSockets, options.ServerSentEvents);
        try
        {
            for (var i = 0; i < webSockets + serverSentEvents; i++)
            {
                // Spread evenly: watcher i goes over WebSocket when the WebSockets so far are behind their share.
                var overWebSocket = (long)(i + 1) * webSockets / (webSockets + serverSentEvents) > (long)i * webSockets / (webSockets + serverSentEvents);
                var from = WatcherAddresses.Of(i, options);
                if (!watchers._clients.TryGetValue(from, out _))
                {
                    watchers._clients[from] = new HttpClient(WatcherAddresses.HandlerFrom(from)) { Timeout = Timeout.InfiniteTimeSpan };
                }

                var watcher = new Watcher(i, overWebSocket, from);
                watchers.All.Add(watcher);
                await gate.WaitAsync(deadline.Token);
                _ = watcher.Subscribed.Task.ContinueWith(_ => gate.Release(), TaskScheduler.Default);
                watchers._running.Add(Task.Run(() => watchers.RunAsync(watcher)));
            }

            await Task.WhenAll(watchers.All.Select(w => w.Subscribed.Task)).WaitAsync(deadline.Token);
            return watchers;
        }
        catch (OperationCanceledException)
        {
            var subscribed = watchers.All.Count(w => w.Subscribed.Task.IsCompleted);
            var error = watchers.All.Select(w => w.LastError).FirstOrDefault(e => e is not null);
            await watchers.DisposeAsync();
            throw new TimeoutException($"Only {subscribed} of {webSockets + serverSentEvents} watchers subscribed within {within.TotalSeconds:0} s (last " +
                $"error: {error ?? "none"}).");
        }
    }

    private async Task RunAsync(Watcher watcher)
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await (watcher.OverWebSocket ? FollowWebSocketAsync(watcher, stop) : FollowEventStreamAsync(watcher, stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException or JsonException
                or InvalidOperationException or OperationCanceledException)
            {
                watcher.LastError = e.Message;
            }

            try
            {
                await Task.Delay(Random.Shared.Next(0, 1000), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowWebSocketAsync(Watcher watcher, CancellationToken stop)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        // HTTP/1.1's upgrade, from the watcher's own address (the client's handler speaks HTTP/2 to the proxy).
        socket.Options.HttpVersion = System.Net.HttpVersion.Version11;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        await socket.ConnectAsync(new UriBuilder(_entry) { Scheme = "ws", Path = "/graphql" }.Uri, _clients[watcher.From], stop);
        watcher.Connected();
        await WebSocketText.SendAsync(socket, "{\"type\":\"connection_init\"}", stop);
        var buffer = new byte[4096];
        var subscribed = false;
        while (true)
        {
            if (await WebSocketText.ReceiveAsync(socket, buffer, stop) is not { } text)
            {
                return;
            }

            using var message = JsonDocument.Parse(text);

            var root = message.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "connection_ack" when !subscribed:
                    await WebSocketText.SendAsync(socket, $"{{\"id\":\"award\",\"type\":\"subscribe\",\"payload\":{_subscription}}}", stop);
                    subscribed = true;
                    watcher.Subscribed.TrySetResult();
                    break;
                case "ping":
                    await WebSocketText.SendAsync(socket, "{\"type\":\"pong\"}", stop);
                    break;
                case "next" when IsTheAward(root.GetProperty("payload")):
                    watcher.Received();
                    break;
                case "error" or "complete":
                    throw new InvalidOperationException($"The subscription ended: {root.GetRawText()}");
            }
        }
    }

    private async Task FollowEventStreamAsync(Watcher watcher, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_entry, "/graphql"))
        {
            Content = new StringContent(_subscription, Encoding.UTF8, "application/json"),
            // HTTP/2 with prior knowledge: a request made by hand takes HTTP/1.1 unless it says otherwise.
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _clients[watcher.From].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        watcher.Connected();
        watcher.Subscribed.TrySetResult();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                using var data = JsonDocument.Parse(line["data: ".Length..]);
                if (IsTheAward(data.RootElement))
                {
                    watcher.Received();
                }
            }
        }
    }

    private bool IsTheAward(JsonElement result) =>
        result.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("awardAnnounced", out var award) && award.GetProperty("year").GetInt32() == _year;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        _stop.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}

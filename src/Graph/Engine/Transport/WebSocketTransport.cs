using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Kvk.Graph.Engine.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// The <c>graphql-transport-ws</c> protocol (the one the npm <c>graphql-ws</c> implements) on <c>/graphql</c>:
/// <c>connection_init</c>/<c>connection_ack</c>, <c>subscribe</c>, <c>next</c>, <c>error</c>, <c>complete</c>,
/// <c>ping</c>/<c>pong</c>, and its close codes (4400 bad message, 4401 subscribe before ack, 4403 a token that
/// is not valid, 4406 wrong subprotocol, 4408 no init in time, 4409 duplicate id, 4429 init twice; 1009 a message
/// larger than a request body may be; 1013 a connection over its client's cap or rate, which clients retry). It only
/// frames: every operation goes through the pipeline, in a service scope of its own. A connection is counted against
/// its client's cap, each operation takes a permit and a place under its client's cap of subscriptions, and a
/// connection holds a bounded number of operations. A closing connection waits a moment for the client's close,
/// then is cut; one with nothing to do for a while is closed.
/// </summary>
public sealed class WebSocketTransport : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly OperationPipeline _pipeline;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly SerializedResults _results;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _connection;
    private ClaimsPrincipal _user;
    private string _client;
    private bool _initReceived;
    private Timer? _watch;
    private int _closing;
    private long _lastActivity = Environment.TickCount64;

    private WebSocketTransport(WebSocket socket, HttpContext context, string client)
    {
        _socket = socket;
        _context = context;
        _pipeline = context.RequestServices.GetRequiredService<OperationPipeline>();
        _serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        _results = context.RequestServices.GetRequiredService<SerializedResults>();
        _connection = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _user = context.User;
        _client = client;
    }

    public static async Task AcceptAsync(HttpContext context)
    {
        var pipeline = context.RequestServices.GetRequiredService<OperationPipeline>();
        var client = Admission.ClientOf(context);
        // An upgrade takes its permit from the live bucket: a connection is capped by count besides, and the watchers of a
        // host that died (a newsroom's, from one address) must all be able to come back at once.
        var (connection, refused) = pipeline.Admission.Admit(client, AdmissionBucket.Live) is { } limited ? (null, limited)
            : pipeline.Admission.Connect(client);
        using (connection)
        {
            var offersProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
            using var socket = await context.WebSockets.AcceptWebSocketAsync(offersProtocol ? SubProtocol : null);
            await using var transport = new WebSocketTransport(socket, context, client);
            if (!offersProtocol)
            {
                await transport.CloseAsync(4406, "Subprotocol not acceptable");
                await transport.DrainAsync();
                return;
            }

            if (refused is not null)
            {
                // Refused after the upgrade, with a code graphql-ws clients retry (1013 Try Again Later): an HTTP 429 at the
                // handshake reaches a browser's client only as a failed connection.
                await transport.CloseAsync(1013, $"Try again later: {refused.Code}, retry after {refused.RetryAfterSeconds} s");
                await transport.DrainAsync();
                return;
            }

            await transport.RunAsync();
        }
    }

    private async Task RunAsync()
    {
        var tick = Tick(_pipeline.Limits.ConnectionInitTimeout, TimeSpan.FromSeconds(1));
        using var watch = new Timer(_ => Watch(), null, tick, tick);
        _watch = watch;
        await DrainAsync();
    }

    /// <summary>A quarter of <paramref name="deadline"/>, so that it is kept within a quarter; at least 50 ms, at most <paramref name="most"/>.</summary>
    private static TimeSpan Tick(TimeSpan deadline, TimeSpan most) =>
        TimeSpan.FromMilliseconds(Math.Clamp(deadline.TotalMilliseconds / 4, 50, most.TotalMilliseconds));

    /// <summary>Reads messages until the connection ends; every operation is cancelled with it.</summary>
    private async Task DrainAsync()
    {
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var text = await ReceiveAsync();
                if (text is null)
                {
                    break;
                }

                Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
                if (Volatile.Read(ref _closing) == 0)
                {
                    await HandleAsync(text);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone (or was cut after its close): the operations below are cancelled.
        }
        finally
        {
            await _connection.CancelAsync();
        }
    }

    /// <summary>
    /// The init and idle deadlines: checked a few times within the init timeout until the init came, then a few times within
    /// the idle timeout. A host holds thousands of watchers' connections: a tick a second each kept its thread pool waking
    /// (2,000 timers a second on a gala night's host, an eighth of its CPU while nothing happened).
    /// </summary>
    private void Watch()
    {
        var quiet = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastActivity));
        if (!_initReceived && quiet >= _pipeline.Limits.ConnectionInitTimeout)
        {
            _ = CloseAsync(4408, "Connection initialisation timeout");
        }
        else if (_operations.IsEmpty && quiet >= _pipeline.Limits.ConnectionIdleTimeout)
        {
            _ = CloseAsync(1000, "Idle timeout");
        }
    }

    /// <summary>One whole message, or null when the client closed. A message larger than a request body closes the connection (1009).</summary>
    private async Task<string?> ReceiveAsync()
    {
        var limit = _pipeline.Limits.MaxRequestBodyBytes;
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer.GetMemory(4096), _connection.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, "");
                }

                return null;
            }

            buffer.Advance(received.Count);
            if (buffer.WrittenCount > limit)
            {
                await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, $"A message may have at most {limit} bytes");
                return null;
            }

            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }

    private async Task HandleAsync(string text)
    {
        string? type;
        string? id;
        JsonElement payload;
        try
        {
            using var message = JsonDocument.Parse(text);
            var root = message.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await CloseAsync(4400, "Invalid message received");
                return;
            }

            type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            payload = root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        }
        catch (JsonException)
        {
            await CloseAsync(4400, "Invalid message received");
            return;
        }

        switch (type)
        {
            case "connection_init":
                await InitAsync(payload);
                break;
            case "ping":
                await SendAsync(new OperationMessage { Type = "pong" });
                break;
            case "pong":
                break;
            case "subscribe" when id is { Length: > 0 }:
                await SubscribeAsync(id, payload);
                break;
            case "complete" when id is { Length: > 0 }:
                if (_operations.TryRemove(id, out var operation))
                {
                    await operation.CancelAsync();
                }

                break;
            default:
                await CloseAsync(4400, type is null ? "Invalid message received" : $"Unexpected message of type {LogValue.Safe(type)}");
                break;
        }
    }

    /// <summary>
    /// Acknowledges the connection. A browser cannot set <c>Authorization</c> on a WebSocket, so a token may come
    /// in the payload as <c>graphql-ws</c> clients send it (<c>{ "Authorization": "Bearer …" }</c>); one that is not
    /// valid closes the connection (4403, "Forbidden: EXPIRED" or "Forbidden: REVOKED" where that is the reason) rather than
    /// leave a secretary believing she is signed in. Every operation asks again whether the credential still holds (the pipeline).
    /// </summary>
    private async Task InitAsync(JsonElement payload)
    {
        if (_initReceived)
        {
            await CloseAsync(4429, "Too many initialisation requests");
            return;
        }

        _initReceived = true;
        var idleTick = Tick(_pipeline.Limits.ConnectionIdleTimeout, TimeSpan.FromSeconds(15));
        _watch?.Change(idleTick, idleTick);
        if (Authorization(payload) is { } header)
        {
            var authenticator = _context.RequestServices.GetService<IBearerAuthenticator>();
            var user = authenticator is null ? null : await authenticator.AuthenticateAsync(header, _connection.Token);
            if (user is not { Identity.IsAuthenticated: true })
            {
                // An expired or revoked credential says so in the close reason; an unknown one is only Forbidden.
                var refused = user is null ? null : await authenticator!.CheckAsync(user, _connection.Token);
                await CloseAsync(4403, refused is null ? "Forbidden" : $"Forbidden: {refused.Reason}");
                return;
            }

            _user = user;
            _client = Admission.ClientOf(_context, user);
        }

        await SendAsync(new OperationMessage { Type = "connection_ack" });
    }

    private static string? Authorization(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var member in payload.EnumerateObject())
        {
            if (member.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && member.Value.ValueKind == JsonValueKind.String)
            {
                return member.Value.GetString();
            }
        }

        return null;
    }

    private async Task SubscribeAsync(string id, JsonElement payload)
    {
        if (!_initReceived)
        {
            await CloseAsync(4401, "Unauthorized");
            return;
        }

        GraphQLRequest request;
        try
        {
            request = GraphQLRequestReader.Read(payload, _serializer);
        }
        catch (InvalidRequestException e)
        {
            await CloseAsync(4400, e.Message);
            return;
        }

        if (_operations.ContainsKey(id))
        {
            await CloseAsync(4409, $"Subscriber for {LogValue.Safe(id)} already exists");
            return;
        }

        // Over a cap the operation alone is refused, with an `error` for its id: the connection and its other
        // subscriptions go on, and the client may subscribe again later.
        var (subscription, refused) = _operations.Count >= _pipeline.Admission.Limits.MaxOperationsPerConnection
            ? (null, _pipeline.Admission.TooManyOperationsOnConnection())
            : _pipeline.AdmitStart(_client, request) is { } limited ? (null, limited)
            : _pipeline.Admission.Subscribe(_client);
        if (refused is not null)
        {
            await SendAsync(new OperationMessage { Id = id, Type = "error", Payload = new[] { refused.ToError() } });
            return;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_connection.Token);
        _operations[id] = cancellation;
        await StartOperationAsync(id, request, cancellation, subscription!);
    }

    /// <summary>
    /// Runs the operation up to the point where a subscription listens, before the next message is read: a client
    /// that gets the result of a later operation on this connection knows its subscription is in place.
    /// </summary>
    /// <param name="lease">The operation's place under its client's cap of subscriptions, given back when it ends.</param>
    private async Task StartOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation, IDisposable lease)
    {
        var scope = _context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var following = false;
        try
        {
            var result = await _pipeline.ExecuteAsync(
                new OperationRequest(request, _user, scope.ServiceProvider, false, "WebSocket", _client),
                cancellation.Token);
            // An operation that ran to its end gives its place back before its answer goes out: a client that has
            // the answer may use the place at once.
            if (!result.Executed)
            {
                lease.Dispose();
                await SendAsync(new OperationMessage { Id = id, Type = "error", Payload = result.Errors });
                return;
            }

            if (result.Streams is not { Count: > 0 } streams)
            {
                lease.Dispose();
                await SendAsync(new OperationMessage { Id = id, Type = "next", Payload = result });
                await SendCompleteAsync(id, cancellation);
                return;
            }

            var (stream, subscription) = SubscriptionRelay.Follow(
                streams.Values.Single(),
                next => SendNextAsync(id, next));
            following = true;
            _ = FollowAsync(id, stream, subscription, lease, scope, cancellation);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The connection closed while the operation ran.
        }
        finally
        {
            if (!following)
            {
                lease.Dispose();
                End(id, cancellation);
                await scope.DisposeAsync();
            }
        }
    }

    private async Task FollowAsync(
        string id,
        SubscriptionRelay stream,
        IDisposable subscription,
        IDisposable lease,
        AsyncServiceScope scope,
        CancellationTokenSource cancellation)
    {
        try
        {
            await stream.Ended.WaitAsync(cancellation.Token);
            await SendCompleteAsync(id, cancellation);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Completed by the client, or the connection closed: nothing more to send.
        }
        finally
        {
            subscription.Dispose();
            lease.Dispose();
            End(id, cancellation);
            await scope.DisposeAsync();
        }
    }

    private void End(string id, CancellationTokenSource cancellation)
    {
        // Not disposed here: a closing connection may still cancel it; it is linked only to this connection.
        _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
        Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
    }

    private async Task SendCompleteAsync(string id, CancellationTokenSource cancellation)
    {
        if (!cancellation.IsCancellationRequested && _operations.ContainsKey(id))
        {
            await SendAsync(new OperationMessage { Id = id, Type = "complete" });
        }
    }

    private Task SendAsync(OperationMessage message) => SendAsync(Encoding.UTF8.GetBytes(_serializer.Serialize(message)));

    /// <summary>
    /// A subscription's result as a <c>next</c> message: the result's JSON is written once for all its subscribers
    /// (<see cref="SerializedResults"/>) and framed here with this operation's id.
    /// </summary>
    private Task SendNextAsync(string id, ExecutionResult result)
    {
        var payload = _results.Of(result).Span;
        var message = new ArrayBufferWriter<byte>(payload.Length + id.Length + 64);
        using (var writer = new Utf8JsonWriter(message))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", "next");
            writer.WritePropertyName("payload");
            writer.WriteRawValue(payload, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return SendAsync(message.WrittenMemory);
    }

    private async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _sendGate.WaitAsync(_connection.Token);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _connection.Token);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private Task CloseAsync(WebSocketCloseStatus status, string reason) => CloseAsync((int)status, reason);

    /// <summary>
    /// Sends the close frame once, then gives the client <see cref="QueryLimits.CloseTimeout"/> to answer with its own before
    /// the connection is cut: a client that never closes does not keep the socket.
    /// </summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await _sendGate.WaitAsync(CancellationToken.None);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // A close reason has at most 123 bytes.
                var bytes = Encoding.UTF8.GetBytes(reason);
                var fitted = bytes.Length <= 123 ? reason : Encoding.UTF8.GetString(bytes, 0, 120).TrimEnd('\uFFFD') + "…";
                using var sending = new CancellationTokenSource(_pipeline.Limits.CloseTimeout);
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, fitted, sending.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already closed by the other side, or it stopped reading.
        }
        finally
        {
            _sendGate.Release();
        }

        _ = CutAfterCloseTimeoutAsync();
    }

    private async Task CutAfterCloseTimeoutAsync()
    {
        await Task.Delay(_pipeline.Limits.CloseTimeout, CancellationToken.None);
        if (_socket.State != WebSocketState.Closed)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CancelAsync();
        foreach (var operation in _operations.Values)
        {
            await operation.CancelAsync();
        }

        _connection.Dispose();
        _sendGate.Dispose();
    }
}

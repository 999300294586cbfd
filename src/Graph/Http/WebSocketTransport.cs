using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Kvk.Graph.Http;

/// <summary>
/// The <c>graphql-transport-ws</c> protocol (the one the npm <c>graphql-ws</c> implements) on <c>/graphql</c>:
/// <c>connection_init</c>/<c>connection_ack</c>, <c>subscribe</c>, <c>next</c>, <c>error</c>, <c>complete</c>,
/// <c>ping</c>/<c>pong</c>, and its close codes (4400 bad message, 4401 subscribe before ack, 4406 wrong
/// subprotocol, 4408 no init in time, 4409 duplicate id, 4429 init twice). Operations run as the user of the
/// upgrade request.
/// </summary>
public sealed class WebSocketTransport : IDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly IServiceProvider _services;
    private readonly ClaimsPrincipal _user;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new();
    private readonly CancellationToken _aborted;
    private bool _initReceived;
    private bool _acknowledged;

    private WebSocketTransport(WebSocket socket, HttpContext context)
    {
        _socket = socket;
        _services = context.RequestServices;
        _user = context.User;
        _serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        _aborted = context.RequestAborted;
    }

    public static async Task AcceptAsync(HttpContext context)
    {
        var offersProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(offersProtocol ? SubProtocol : null);
        if (!offersProtocol)
        {
            await socket.CloseAsync((WebSocketCloseStatus)4406, "Subprotocol not acceptable", context.RequestAborted);
            return;
        }

        using var transport = new WebSocketTransport(socket, context);
        await transport.RunAsync();
    }

    private async Task RunAsync()
    {
        using var initTimeout = new CancellationTokenSource(InitTimeout);
        using var closeWithoutInit = initTimeout.Token.Register(() =>
        {
            if (!_initReceived)
            {
                _ = CloseAsync(4408, "Connection initialisation timeout");
            }
        });
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var text = await ReceiveAsync();
                if (text is null)
                {
                    break;
                }

                await HandleAsync(text);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The connection is gone; the operations below are cancelled.
        }
        finally
        {
            foreach (var operation in _operations.Values)
            {
                await operation.CancelAsync();
            }
        }
    }

    private async Task<string?> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var received = await _socket.ReceiveAsync(memory, _aborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _aborted);
                }

                return null;
            }

            buffer.Advance(received.Count);
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
            type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            payload = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("payload", out var p) ? p.Clone() : default;
        }
        catch (JsonException)
        {
            await CloseAsync(4400, "Invalid message received");
            return;
        }

        switch (type)
        {
            case "connection_init":
                if (_initReceived)
                {
                    await CloseAsync(4429, "Too many initialisation requests");
                    return;
                }

                _initReceived = true;
                _acknowledged = true;
                await SendAsync(new OperationMessage { Type = "connection_ack" });
                break;
            case "ping":
                await SendAsync(new OperationMessage { Type = "pong" });
                break;
            case "pong":
                break;
            case "subscribe" when id is { Length: > 0 }:
                if (!_acknowledged)
                {
                    await CloseAsync(4401, "Unauthorized");
                    return;
                }

                GraphQLRequest request;
                try
                {
                    request = ReadRequest(payload);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
                {
                    await CloseAsync(4400, "Invalid subscribe payload");
                    return;
                }

                var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
                if (!_operations.TryAdd(id, cancellation))
                {
                    await CloseAsync(4409, $"Subscriber for {id} already exists");
                    return;
                }

                await StartOperationAsync(id, request, cancellation);
                break;
            case "complete" when id is { Length: > 0 }:
                if (_operations.TryRemove(id, out var operation))
                {
                    await operation.CancelAsync();
                }

                break;
            default:
                await CloseAsync(4400, type is null ? "Invalid message received" : $"Unexpected message of type {type}");
                break;
        }
    }

    private GraphQLRequest ReadRequest(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The subscribe payload must be an object.");
        }

        string? Text(string name) => payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Inputs? Map(string name) => payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? _serializer.Deserialize<Inputs>(v.GetRawText()) : null;
        return new GraphQLRequest
        {
            Query = Text("query"),
            DocumentId = Text("documentId"),
            OperationName = Text("operationName"),
            Variables = Map("variables"),
            Extensions = Map("extensions"),
        };
    }

    /// <summary>
    /// Runs the operation up to the point where a subscription listens, before the next message is read: a client
    /// that gets the result of a later operation on this connection knows its subscription is in place.
    /// </summary>
    private async Task StartOperationAsync(string id, GraphQLRequest request, CancellationTokenSource cancellation)
    {
        var background = false;
        try
        {
            // Each operation gets its own read loaders per result, so a later event never sees an earlier event's cached reads.
            var services = new FreshLoaderServices(_services);
            var result = await GraphQLExecution.ExecuteAsync(services, _user, request, queriesOnly: false, cancellation.Token);
            if (!result.Executed)
            {
                await SendAsync(new OperationMessage { Id = id, Type = "error", Payload = result.Errors });
                return;
            }

            if (result.Streams is not { Count: > 0 } streams)
            {
                await SendAsync(new OperationMessage { Id = id, Type = "next", Payload = result });
                await SendCompleteAsync(id, cancellation);
                return;
            }

            var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var subscription = streams.Values.Single().Subscribe(new Observer(
                next => SendAsync(new OperationMessage { Id = id, Type = "next", Payload = next }),
                () => ended.TrySetResult()));
            background = true;
            _ = FollowAsync(id, subscription, ended, cancellation);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The connection closed while the operation ran.
        }
        finally
        {
            if (!background)
            {
                End(id, cancellation);
            }
        }
    }

    private async Task FollowAsync(string id, IDisposable subscription, TaskCompletionSource ended, CancellationTokenSource cancellation)
    {
        try
        {
            await using var registration = cancellation.Token.Register(() => ended.TrySetCanceled());
            await ended.Task;
            await SendCompleteAsync(id, cancellation);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Completed by the client, or the connection closed: nothing more to send.
        }
        finally
        {
            subscription.Dispose();
            End(id, cancellation);
        }
    }

    private void End(string id, CancellationTokenSource cancellation)
    {
        // Not disposed here: a closing connection may still cancel it; it is linked only to this connection.
        _operations.TryRemove(new KeyValuePair<string, CancellationTokenSource>(id, cancellation));
    }

    private async Task SendCompleteAsync(string id, CancellationTokenSource cancellation)
    {
        if (!cancellation.IsCancellationRequested && _operations.ContainsKey(id))
        {
            await SendAsync(new OperationMessage { Id = id, Type = "complete" });
        }
    }

    private async Task SendAsync(OperationMessage message)
    {
        var bytes = Encoding.UTF8.GetBytes(_serializer.Serialize(message));
        await _sendGate.WaitAsync(_aborted);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _aborted);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        await _sendGate.WaitAsync(CancellationToken.None);
        try
        {
            // Only the output is closed: a receive may be pending (the initialisation timeout fires while the
            // connection waits for a message); it then sees the client's close and ends the connection.
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already closed by the other side.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public void Dispose() => _sendGate.Dispose();

    private sealed class Observer(Func<ExecutionResult, Task> onNext, Action onEnd) : IObserver<ExecutionResult>
    {
        private readonly Lock _gate = new();
        private Task _last = Task.CompletedTask;

        public void OnNext(ExecutionResult value)
        {
            lock (_gate)
            {
                _last = _last.ContinueWith(_ => onNext(value), TaskScheduler.Default).Unwrap();
            }
        }

        public void OnError(Exception error) => OnCompleted();

        public void OnCompleted()
        {
            lock (_gate)
            {
                _last.ContinueWith(_ => onEnd(), TaskScheduler.Default);
            }
        }
    }
}

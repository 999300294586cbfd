using System.Text;
using GraphQL;
using Kvk.Graph.Engine.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// The <c>graphql-sse</c> protocol in its distinct connections mode: one request, one operation; each result is a
/// <c>next</c> event, and a <c>complete</c> event ends the stream. A stream is a long-lived connection and a
/// subscription, counted against its client's caps (<see cref="Admission.Connect"/>, <see cref="Admission.Subscribe"/>).
/// </summary>
public static class ServerSentEvents
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(12);

    public static async Task RunAsync(HttpContext context, OperationPipeline pipeline, OperationRequest operation)
    {
        // A stream is a connection and a subscription of its client; over either cap, 429 with Retry-After, which an
        // EventSource or graphql-sse client retries.
        var (connection, refused) = pipeline.Admission.Connect(operation.Client);
        var (subscription, over) = refused is null ? pipeline.Admission.Subscribe(operation.Client) : (null, null);
        if ((refused ?? over) is { } refusal)
        {
            connection?.Dispose();
            await HttpTransport.WriteRefusalAsync(context, MediaTypes.Json, refusal);
            return;
        }

        using (connection)
        using (subscription)
        {
            var result = await pipeline.ExecuteAsync(operation, context.RequestAborted);
            using var writer = new EventWriter(context);
            Start(context);
            if (result.Streams is not { Count: > 0 } streams)
            {
                // A query or mutation asked for as an event stream: one `next` event, then `complete`.
                await writer.WriteAsync("next", result);
                await writer.WriteAsync("complete", null);
                return;
            }

            await FollowAsync(context, writer, streams.Values.Single());
        }
    }

    private static async Task FollowAsync(HttpContext context, EventWriter writer, IObservable<ExecutionResult> source)
    {
        await context.Response.Body.FlushAsync(context.RequestAborted);
        var (stream, subscription) = SubscriptionRelay.Follow(source, next => writer.WriteAsync("next", next));
        using (subscription)
        {
            using var keepAlive = new PeriodicTimer(KeepAlive);
            try
            {
                while (!stream.Ended.IsCompleted && !context.RequestAborted.IsCancellationRequested)
                {
                    var tick = keepAlive.WaitForNextTickAsync(context.RequestAborted).AsTask();
                    await Task.WhenAny(tick, stream.Ended);
                    if (tick.IsCompletedSuccessfully)
                    {
                        await writer.WriteRawAsync(":\n\n");
                    }
                }

                if (stream.Ended.IsCompleted)
                {
                    await writer.WriteAsync("complete", null);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client went away: disposing the subscription is all that is left.
            }
        }
    }

    private static void Start(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = MediaTypes.EventStream + "; charset=utf-8";
        if (!context.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization))
        {
            context.Response.Headers.CacheControl = "no-cache";
        }

        context.Response.Headers["X-Accel-Buffering"] = "no";
    }

    /// <summary>Writes events one at a time: results and keep-alive comments come from different tasks.</summary>
    private sealed class EventWriter(HttpContext context) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly SerializedResults _results = context.RequestServices.GetRequiredService<SerializedResults>();

        /// <summary>An event with a result as its data: the result's JSON is written once for all its subscribers (<see cref="SerializedResults"/>).</summary>
        public Task WriteAsync(string name, ExecutionResult? data) =>
            WriteRawAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: "), data is null ? default : _results.Of(data), "\n\n"u8.ToArray());

        public Task WriteRawAsync(string text) => WriteRawAsync(Encoding.UTF8.GetBytes(text), default, default);

        private async Task WriteRawAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> tail)
        {
            await _gate.WaitAsync(context.RequestAborted);
            try
            {
                await context.Response.Body.WriteAsync(head, context.RequestAborted);
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
                await context.Response.Body.WriteAsync(tail, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}

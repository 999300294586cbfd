using System.Text;
using GraphQL;

namespace Kvk.Graph.Http;

/// <summary>
/// The <c>graphql-sse</c> protocol in its distinct connections mode: one request, one operation; each result is a
/// <c>next</c> event, and a <c>complete</c> event ends the stream.
/// </summary>
public static class ServerSentEvents
{
    public static async Task StreamAsync(HttpContext context, ExecutionResult result)
    {
        Start(context);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var stream = result.Streams!.Values.Single();
        var gate = new SemaphoreSlim(1, 1);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = stream.Subscribe(new Observer(
            next => WriteEventAsync(context, gate, "next", serializer.Serialize(next)),
            () => ended.TrySetResult()));
        using var keepAlive = new PeriodicTimer(TimeSpan.FromSeconds(12));
        try
        {
            while (!ended.Task.IsCompleted && !context.RequestAborted.IsCancellationRequested)
            {
                var tick = keepAlive.WaitForNextTickAsync(context.RequestAborted).AsTask();
                await Task.WhenAny(tick, ended.Task);
                if (tick.IsCompletedSuccessfully)
                {
                    await WriteRawAsync(context, gate, ":\n\n");
                }
            }

            if (ended.Task.IsCompleted)
            {
                await WriteEventAsync(context, gate, "complete", "");
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: disposing the subscription is all that is left.
        }
    }

    public static async Task WriteSingleAsync(HttpContext context, ExecutionResult result)
    {
        Start(context);
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        var gate = new SemaphoreSlim(1, 1);
        await WriteEventAsync(context, gate, "next", serializer.Serialize(result));
        await WriteEventAsync(context, gate, "complete", "");
    }

    private static void Start(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = GraphQLEndpoint.EventStream + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
    }

    private static Task WriteEventAsync(HttpContext context, SemaphoreSlim gate, string name, string data) =>
        WriteRawAsync(context, gate, $"event: {name}\ndata: {data}\n\n");

    private static async Task WriteRawAsync(HttpContext context, SemaphoreSlim gate, string text)
    {
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed class Observer(Func<ExecutionResult, Task> onNext, Action onEnd) : IObserver<ExecutionResult>
    {
        private Task _last = Task.CompletedTask;

        public void OnNext(ExecutionResult value) => _last = _last.ContinueWith(_ => onNext(value), TaskScheduler.Default).Unwrap();

        public void OnError(Exception error) => _last.ContinueWith(_ => onEnd(), TaskScheduler.Default);

        public void OnCompleted() => _last.ContinueWith(_ => onEnd(), TaskScheduler.Default);
    }
}

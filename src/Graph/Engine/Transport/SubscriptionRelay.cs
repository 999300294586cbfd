using GraphQL;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// Follows a subscription's results for a transport that frames them (a WebSocket, an event stream): each
/// result is handed to <c>send</c> in order, one at a time, and <see cref="Ended"/> completes when the
/// source stream ends or fails. The transports differ only in how they frame a result.
/// </summary>
public sealed class SubscriptionRelay : IObserver<ExecutionResult>
{
    private readonly Func<ExecutionResult, Task> _send;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _last = Task.CompletedTask;

    private SubscriptionRelay(Func<ExecutionResult, Task> send) => _send = send;

    /// <summary>Completes when the stream has ended and every result before its end has been sent.</summary>
    public Task Ended => _ended.Task;

    public static (SubscriptionRelay Stream, IDisposable Subscription) Follow(IObservable<ExecutionResult> source, Func<ExecutionResult, Task> send)
    {
        var stream = new SubscriptionRelay(send);
        return (stream, source.Subscribe(stream));
    }

    public void OnNext(ExecutionResult value)
    {
        lock (_gate)
        {
            _last = _last.ContinueWith(_ => _send(value), TaskScheduler.Default).Unwrap();
        }
    }

    public void OnError(Exception error) => OnCompleted();

    public void OnCompleted()
    {
        lock (_gate)
        {
            _last.ContinueWith(_ => _ended.TrySetResult(), TaskScheduler.Default);
        }
    }
}

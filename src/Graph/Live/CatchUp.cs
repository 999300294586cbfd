namespace Kvk.Graph.Live;

/// <summary>
/// A live stream that begins with what its subscriber missed. On subscribe it listens to the live values first and
/// holds them back, then reads the current state (<c>missed</c>: the values the subscriber does not have yet), sends
/// those, then the held values and every later one, leaving out each that what was sent already covers (<c>covered</c>).
/// Listening before reading means a change recorded in between is in the read or among the held values, never in
/// neither: a subscriber that reconnects after its host died, with the arguments it subscribed with at first, ends
/// up with everything recorded meanwhile. A read that fails ends the stream with the error.
/// </summary>
public sealed class CatchUp<T>(
    IObservable<T> live,
    Func<CancellationToken, Task<IReadOnlyList<T>>> missed,
    Func<IReadOnlyList<T>, T, bool> covered) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var gate = new Gate(observer, covered);
        var listening = live.Subscribe(gate);
        var reading = new CancellationTokenSource();
        _ = gate.CatchUpAsync(missed, reading.Token);
        return new Subscription(listening, reading);
    }

    /// <summary>Hands values on in order, one at a time: the missed ones, then the live ones not covered by them.</summary>
    private sealed class Gate(IObserver<T> observer, Func<IReadOnlyList<T>, T, bool> covered) : IObserver<T>
    {
        private readonly Lock _lock = new();
        private List<T>? _held = [];
        private IReadOnlyList<T> _sent = [];
        private bool _ended;

        public async Task CatchUpAsync(Func<CancellationToken, Task<IReadOnlyList<T>>> missed, CancellationToken cancellationToken)
        {
            try
            {
                var values = await missed(cancellationToken);
                lock (_lock)
                {
                    if (_ended)
                    {
                        return;
                    }

                    foreach (var value in values)
                    {
                        observer.OnNext(value);
                    }

                    _sent = values;
                    foreach (var value in _held!.Where(v => !covered(values, v)))
                    {
                        observer.OnNext(value);
                    }

                    _held = null;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The subscriber left before the read returned.
            }
            catch (Exception e)
            {
                OnError(e);
            }
        }

        public void OnNext(T value)
        {
            lock (_lock)
            {
                if (_ended)
                {
                    return;
                }

                if (_held is not null)
                {
                    _held.Add(value);
                }
                else if (!covered(_sent, value))
                {
                    observer.OnNext(value);
                }
            }
        }

        public void OnError(Exception error)
        {
            lock (_lock)
            {
                if (!_ended)
                {
                    _ended = true;
                    observer.OnError(error);
                }
            }
        }

        public void OnCompleted()
        {
            lock (_lock)
            {
                if (!_ended)
                {
                    _ended = true;
                    observer.OnCompleted();
                }
            }
        }
    }

    private sealed class Subscription(IDisposable listening, CancellationTokenSource reading) : IDisposable
    {
        public void Dispose()
        {
            reading.Cancel();
            reading.Dispose();
            listening.Dispose();
        }
    }
}

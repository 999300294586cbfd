using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Live;

/// <summary>
/// A minimal hot observable: every value published goes to the observers subscribed at that moment. Each goes to all
/// as the same object, opened in <paramref name="shared"/> (where given) so that its subscribers of one selection share
/// one result of it.
/// </summary>
public sealed class Broadcast<T>(SharedEventResults? shared = null) : IObservable<T>
{
    private readonly Lock _gate = new();
    private IObserver<T>[] _observers = [];

    public int Count => Volatile.Read(ref _observers).Length;

    public void Publish(T value)
    {
        if (value is not null && !typeof(T).IsValueType)
        {
            shared?.Open(value);
        }

        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.OnNext(value);
        }
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Unsubscriber(this, observer);
    }

    /// <summary>The values that satisfy <paramref name="predicate"/>.</summary>
    public IObservable<T> Where(Func<T, bool> predicate) => new Filtered(this, predicate);

    private void Remove(IObserver<T> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers.Where(o => o != observer)];
        }
    }

    private sealed class Unsubscriber(Broadcast<T> broadcast, IObserver<T> observer) : IDisposable
    {
        public void Dispose() => broadcast.Remove(observer);
    }

    private sealed class Filtered(Broadcast<T> source, Func<T, bool> predicate) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer) => source.Subscribe(new FilteringObserver(observer, predicate));
    }

    private sealed class FilteringObserver(IObserver<T> inner, Func<T, bool> predicate) : IObserver<T>
    {
        public void OnCompleted() => inner.OnCompleted();

        public void OnError(Exception error) => inner.OnError(error);

        public void OnNext(T value)
        {
            if (predicate(value))
            {
                inner.OnNext(value);
            }
        }
    }
}

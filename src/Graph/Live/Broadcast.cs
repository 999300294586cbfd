using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Live;

/// <summary>
/// A minimal hot observable: every value published goes to the observers subscribed at that moment. Each goes to all
/// as the same object, opened in <paramref name="shared"/> (where given) so that its subscribers of one selection share
/// one result of it. Subscribing and leaving cost the same however many observers there are: after a host died, its
/// thousands of watchers subscribe again to the others within a second, and copying every observer for each of them
/// was garbage of the square of their number. A publish takes one copy of the observers, kept until they change.
/// </summary>
public sealed class Broadcast<T>(SharedEventResults? shared = null) : IObservable<T>
{
    private readonly Lock _gate = new();
    private readonly LinkedList<IObserver<T>> _observers = [];
    private IObserver<T>[]? _snapshot;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _observers.Count;
            }
        }
    }

    public void Publish(T value)
    {
        if (value is not null && !typeof(T).IsValueType)
        {
            shared?.Open(value);
        }

        IObserver<T>[] observers;
        lock (_gate)
        {
            observers = _snapshot ??= [.. _observers];
        }

        foreach (var observer in observers)
        {
            observer.OnNext(value);
        }
    }

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_gate)
        {
            _snapshot = null;
            return new Unsubscriber(this, _observers.AddLast(observer));
        }
    }

    /// <summary>The values that satisfy <paramref name="predicate"/>.</summary>
    public IObservable<T> Where(Func<T, bool> predicate) => new Filtered(this, predicate);

    private void Remove(LinkedListNode<IObserver<T>> node)
    {
        lock (_gate)
        {
            // Disposed twice, the second time it is in no list.
            if (node.List is not null)
            {
                _observers.Remove(node);
                _snapshot = null;
            }
        }
    }

    private sealed class Unsubscriber(Broadcast<T> broadcast, LinkedListNode<IObserver<T>> node) : IDisposable
    {
        public void Dispose() => broadcast.Remove(node);
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

using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;

namespace Kvk.Graph.Live;

/// <summary>
/// The catch-up reads (<see cref="MissedChanges"/>) of subscribers that want the same thing, made once: when a host dies,
/// its thousands of watchers subscribe again to the others within a second, and each would read the same rows.
/// A read is shared by what it reads, where (the primary or the read pool) and the response cache's
/// <see cref="ResponseCache.Generation"/> its subscriber saw after it began listening. That is safe because the change
/// feed invalidates the cache after the read database replayed a change and before it publishes it. A change published
/// before the generation passed G was replayed before G was reached, so a read begun by one who saw G holds it; a change
/// published later comes after the invalidation that passed G, so after every subscriber that saw G was listening, and
/// reaches each of them live. (Past the feed's bound on the replica's lag, a change is published read from the primary,
/// whatever the read pool has: for a read alone as for a shared one.) Only the current generation's reads are held, at most
/// <see cref="MaxReads"/> of them (arguments are a client's to vary): past that, and while the cache is suspended (the
/// feed may miss changes), a subscriber reads alone. A shared read runs for no one subscriber (one leaving does not cancel
/// it for the others), and one that failed is forgotten, so that the next subscriber reads again.
/// </summary>
public sealed class SharedCatchUpReads(ResponseCache cache, SharedEventResults results, IHostApplicationLifetime lifetime)
{
    /// <summary>How many distinct reads of one generation are shared at most.</summary>
    public const int MaxReads = 1_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string What, bool FromPrimary), Task> _reads = [];
    private long _generation;

    /// <summary>
    /// What <paramref name="read"/> finds on <paramref name="store"/>'s route, shared with the subscribers that ask for the
    /// same <paramref name="what"/> in the same generation. Call it once listening: the generation is observed here.
    /// </summary>
    /// <param name="copy">A copy of a value: a shared read's values are its own objects, opened in <see cref="SharedEventResults"/>
    /// so that the subscribers of one selection also share their resolution (documents read alone may be the host's cached
    /// instances, which must not carry a result past the generation).</param>
    public Task<IReadOnlyList<T>> ReadAsync<T>(
        string what,
        ReadStore store,
        Func<ReadStore, CancellationToken, Task<IReadOnlyList<T>>> read,
        Func<T, T> copy,
        CancellationToken cancellationToken)
        where T : class
    {
        // Suspend raises its flag before it invalidates: a generation seen on both sides of the flag's check is not one
        // of a lost LISTEN.
        var generation = cache.Generation;
        if (cache.Suspended || cache.Generation != generation)
        {
            return read(store, cancellationToken);
        }

        var key = (what, store.FromPrimary);
        Task<IReadOnlyList<T>>? shared = null;
        lock (_lock)
        {
            if (generation > _generation)
            {
                _reads.Clear();
                _generation = generation;
            }

            // Seen before a newer generation's reads began, or too many kinds of reads: none to share (read alone).
            if (generation == _generation)
            {
                if (_reads.TryGetValue(key, out var started))
                {
                    shared = (Task<IReadOnlyList<T>>)started;
                }
                else if (_reads.Count < MaxReads)
                {
                    shared = ShareAsync(key, generation, store, read, copy);
                    _reads[key] = shared;
                }
            }
        }

        return shared is null ? read(store, cancellationToken) : shared.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ShareAsync<T>(
        (string, bool) key,
        long generation,
        ReadStore store,
        Func<ReadStore, CancellationToken, Task<IReadOnlyList<T>>> read,
        Func<T, T> copy)
        where T : class
    {
        // Not run inline: the first subscriber's call returns (and the lock is let go) before the read begins.
        await Task.Yield();
        try
        {
            IReadOnlyList<T> values = [.. (await read(store, lifetime.ApplicationStopping)).Select(copy)];
            foreach (var value in values)
            {
                results.Open(value);
            }

            return values;
        }
        catch
        {
            lock (_lock)
            {
                if (_generation == generation)
                {
                    _reads.Remove(key);
                }
            }

            throw;
        }
    }
}

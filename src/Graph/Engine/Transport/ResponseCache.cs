using System.Collections.Concurrent;

namespace Kvk.Graph.Engine.Transport;

/// <summary>A response as it was written: status, content type and body bytes.</summary>
public sealed record CachedResponse(int StatusCode, string ContentType, byte[] Body)
{
    /// <summary>
    /// A strong entity tag of the response (quoted): a hash of its content type and body, nothing of the host or the
    /// moment, so that any host gives the same tag for the same answer and any change of the answer gives another.
    /// </summary>
    public string EntityTag { get; } = Tag(ContentType, Body);

    private static string Tag(string contentType, byte[] body)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(contentType + "\n"));
        hash.AppendData(body);
        return $"\"{Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16))}\"";
    }
}

/// <summary>
/// Whole public query responses by request, for a read side that changes a few times a year: a hit
/// costs a dictionary lookup and a write of bytes, no execution and no SQL. Every recorded change
/// clears it (<see cref="Invalidate"/>), on this host at once and on the others through the change
/// notifications; while those notifications may be missed (<see cref="Suspend"/>) it neither serves nor stores.
/// Bounded by <see cref="MaxEntries"/> and <see cref="MaxBytes"/>: when full it evicts the tenth of its entries
/// asked for least (counts that halve at each eviction, so that old popularity fades), so that a flood of
/// one-off requests evicts other one-off requests, not the answers everyone asks for.
/// </summary>
public sealed class ResponseCache(int maxEntries = ResponseCache.MaxEntries, long maxBytes = ResponseCache.MaxBytes)
{
    public const int MaxEntries = 10_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxKeyLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _eviction = new();
    private long _generation;
    private long _bytes;
    private int _suspensions;

    // ConcurrentDictionary.Count takes every lock of the dictionary; a miss-heavy load would queue on it.
    private int _count;

    public bool TryGet(string key, out CachedResponse response)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == Interlocked.Read(ref _generation) && Volatile.Read(ref _suspensions) == 0)
        {
            entry.Asked();
            response = entry.Response;
            return true;
        }

        response = null!;
        return false;
    }

    /// <param name="generation">The value of <see cref="Generation"/> read before the response was computed,
    /// so that a response computed across a change is never stored as current.</param>
    public void Store(string key, CachedResponse response, long generation)
    {
        var size = response.Body.Length + key.Length;
        if (key.Length > MaxKeyLength || size > maxBytes / 10 || generation != Interlocked.Read(ref _generation) || Volatile.Read(ref _suspensions) > 0)
        {
            return;
        }

        if (Volatile.Read(ref _count) >= maxEntries || Interlocked.Read(ref _bytes) + size > maxBytes)
        {
            Evict();
        }

        if (_entries.TryAdd(key, new Entry(response, generation)))
        {
            Interlocked.Add(ref _bytes, size);
            Interlocked.Increment(ref _count);
        }
    }

    public long Generation => Interlocked.Read(ref _generation);

    public int Count => Volatile.Read(ref _count);

    /// <summary>Forgets every response: something was recorded.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Clear();
    }

    /// <summary>
    /// Changes may be recorded without this host hearing of them (its change feed lost its connection): nothing is
    /// served or stored from the cache until <see cref="Resume"/>.
    /// </summary>
    public void Suspend()
    {
        Interlocked.Exchange(ref _suspensions, 1);
        Invalidate();
    }

    /// <summary>This host hears of every change again; what was cached before may be stale, so it starts empty.</summary>
    public void Resume()
    {
        Invalidate();
        Interlocked.Exchange(ref _suspensions, 0);
    }

    public bool Suspended => Volatile.Read(ref _suspensions) > 0;

    /// <summary>Removes the least asked tenth of the entries (one thread at a time; the others go on storing).</summary>
    private void Evict()
    {
        if (!_eviction.TryEnter())
        {
            return;
        }

        try
        {
            var ranked = _entries.ToArray();
            Array.Sort(ranked, (a, b) => a.Value.Asks != b.Value.Asks ? a.Value.Asks.CompareTo(b.Value.Asks) : a.Value.Stored.CompareTo(b.Value.Stored));
            foreach (var (key, entry) in ranked.AsSpan(0, Math.Max(1, ranked.Length / 10)))
            {
                if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
                {
                    Interlocked.Add(ref _bytes, -(entry.Response.Body.Length + key.Length));
                    Interlocked.Decrement(ref _count);
                }
            }

            foreach (var (_, entry) in ranked)
            {
                entry.Age();
            }
        }
        finally
        {
            _eviction.Exit();
        }
    }

    private void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _count, 0);
    }

    private sealed class Entry(CachedResponse response, long generation)
    {
        private int _asks;

        public CachedResponse Response { get; } = response;

        public long Generation { get; } = generation;

        public long Stored { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

        public int Asks => Volatile.Read(ref _asks);

        public void Asked() => Interlocked.Increment(ref _asks);

        public void Age() => Interlocked.Exchange(ref _asks, Volatile.Read(ref _asks) / 2);
    }
}

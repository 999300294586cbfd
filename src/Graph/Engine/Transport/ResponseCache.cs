using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Kvk.Graph.Engine.Transport;

/// <summary>A response as it was written: status, content type and body bytes.</summary>
public sealed class CachedResponse(int statusCode, string contentType, byte[] body)
{
    private string? _entityTag;

    public int StatusCode { get; } = statusCode;

    public string ContentType { get; } = contentType;

    public byte[] Body { get; } = body;

    /// <summary>
    /// A strong entity tag of the response (quoted): a hash of its content type and body, nothing of the host or the
    /// moment, so that any host gives the same tag for the same answer and any change of the answer gives another. Made
    /// when first asked for: only a GET answer carries one, and a POST answer is stored untagged (hashing each one was
    /// about 1 % of the host's CPU for a cache-busting POST, by perf). A class, not a record: a copy made with <c>with</c> would
    /// have carried the tag of the body it was copied from.
    /// </summary>
    public string EntityTag => _entityTag ??= Tag(ContentType, Body);

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
/// clears it (<see cref="Invalidate()"/>), on this host at once and on the others through the change
/// notifications; while those notifications may be missed (<see cref="Suspend"/>) it neither serves nor stores. Each entry
/// knows the data version it was made at (<see cref="Version"/>, the store's event sequence this host had caught up with
/// when its computation began), so that a read that asks for a newer one (read-your-writes) is never answered from it.
/// Bounded by <see cref="MaxEntries"/> and <see cref="MaxBytes"/>: when full it evicts the tenth of its entries
/// asked for least (counts that halve at each eviction, so that old popularity fades), so that a flood of
/// one-off requests evicts other one-off requests, not the answers everyone asks for. An entry above
/// <see cref="MaxEntryBytes"/> is not kept. What one client stored (the address or token holder of
/// <c>Admission.ClientOf</c>) holds at most a <see cref="ClientShare"/>th of the entries and of the bytes: past that,
/// the client's own oldest entries make room, so that one client cannot flush what everyone else asks for.
/// </summary>
public sealed class ResponseCache(int maxEntries = ResponseCache.MaxEntries, long maxBytes = ResponseCache.MaxBytes)
{
    public const int MaxEntries = 10_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxKeyLength = 16 * 1024;

    /// <summary>What one client's entries may hold: this fraction (1/8) of the entries and of the bytes.</summary>
    public const int ClientShare = 8;

    /// <summary>The largest response kept (with its key), as a fraction (1/16) of the bytes: 4 MiB by default.</summary>
    public long MaxEntryBytes => maxBytes / 16;

    /// <summary>The cache as <c>Kvk:ResponseCache:MaxEntries</c> and <c>MaxBytes</c> bound it (10,000 entries, 64 MiB by default).</summary>
    public static ResponseCache From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kvk:ResponseCache");
        return new ResponseCache(section.GetValue<int?>("MaxEntries") ?? MaxEntries, section.GetValue<long?>("MaxBytes") ?? MaxBytes);
    }

    private readonly ConcurrentDictionary<string, Holder> _holders = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _eviction = new();

    // Generation and version change together: an entry stored in a generation is labelled with that generation's version.
    private DataState _state = new(0, 0);
    private long _bytes;
    private int _suspensions;

    // ConcurrentDictionary.Count takes every lock of the dictionary; a miss-heavy load would queue on it.
    private int _count;

    /// <param name="atLeast">The data version the answer must reflect (read-your-writes); an entry made before it is passed over.</param>
    public bool TryGet(string key, out CachedResponse response, long? atLeast = null)
    {
        if (_entries.TryGetValue(key, out var entry)
            && entry.Generation == Generation
            && entry.Version >= (atLeast ?? 0)
            && Volatile.Read(ref _suspensions) == 0)
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
    /// <param name="client">Whose request computed it (<c>Admission.ClientOf</c>), held to its share of the cache; null
    /// for what no client chooses (a fixed set of downloads).</param>
    public void Store(string key, CachedResponse response, long generation, string? client = null)
    {
        var size = response.Body.Length + key.Length;
        var state = Volatile.Read(ref _state);
        if (key.Length > MaxKeyLength || size > MaxEntryBytes || generation != state.Generation || Volatile.Read(ref _suspensions) > 0)
        {
            return;
        }

        var holder = client is null ? null : _holders.GetOrAdd(client, _ => new Holder());
        holder?.MakeRoom(this, size, Math.Max(1, maxEntries / ClientShare), maxBytes / ClientShare);
        if (Volatile.Read(ref _count) >= maxEntries || Interlocked.Read(ref _bytes) + size > maxBytes)
        {
            Evict();
        }

        var entry = new Entry(response, state, holder, size);
        if (_entries.TryAdd(key, entry))
        {
            Interlocked.Add(ref _bytes, size);
            Interlocked.Increment(ref _count);
            holder?.Add(key, entry);
        }
    }

    /// <summary>How many entries <paramref name="client"/>'s requests stored, and their bytes.</summary>
    public (int Entries, long Bytes) HeldBy(string client) =>
        _holders.TryGetValue(client, out var holder) ? (holder.Count, holder.Bytes) : (0, 0);

    /// <summary>Removes one entry, if it is still there, and counts it out of the cache and of its client.</summary>
    private bool Remove(string key, Entry entry)
    {
        if (!_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
        {
            return false;
        }

        Interlocked.Add(ref _bytes, -entry.Size);
        Interlocked.Decrement(ref _count);
        entry.Holder?.Removed(entry);
        return true;
    }

    private bool Holds(string key, Entry entry) => _entries.TryGetValue(key, out var held) && ReferenceEquals(held, entry);

    public long Generation => Volatile.Read(ref _state).Generation;

    /// <summary>
    /// The data version (store sequence) that answers computed from now on reflect at least: what the change feed has
    /// caught up with and the read database has replayed.
    /// </summary>
    public long Version => Volatile.Read(ref _state).Version;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Forgets every response: something was recorded.</summary>
    public void Invalidate() => Invalidate(null);

    /// <summary>
    /// Forgets every response: something was recorded. With <paramref name="version"/>, what is computed from now on reflects
    /// the store up to that version (the read database has replayed it), and entries are labelled so.
    /// </summary>
    public void Invalidate(long? version)
    {
        DataState current, next;
        do
        {
            current = Volatile.Read(ref _state);
            next = new DataState(current.Generation + 1, Math.Max(current.Version, version ?? 0));
        }
        while (Interlocked.CompareExchange(ref _state, next, current) != current);

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
                Remove(key, entry);
            }

            foreach (var (_, entry) in ranked)
            {
                entry.Age();
            }

            foreach (var (client, holder) in _holders)
            {
                if (holder.Count == 0)
                {
                    _holders.TryRemove(new KeyValuePair<string, Holder>(client, holder));
                }
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
        _holders.Clear();
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>A generation of the cache and the data version its entries reflect.</summary>
    private sealed record DataState(long Generation, long Version);

    private sealed class Entry(CachedResponse response, DataState state, Holder? holder, long size)
    {
        private int _asks;

        public CachedResponse Response { get; } = response;

        /// <summary>The client whose request stored it; null for an entry of no client's choosing.</summary>
        public Holder? Holder { get; } = holder;

        /// <summary>Its body's and key's bytes.</summary>
        public long Size { get; } = size;

        public long Generation { get; } = state.Generation;

        /// <summary>The data version it was made at.</summary>
        public long Version { get; } = state.Version;

        public long Stored { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

        public int Asks => Volatile.Read(ref _asks);

        public void Asked() => Interlocked.Increment(ref _asks);

        public void Age() => Interlocked.Exchange(ref _asks, Volatile.Read(ref _asks) / 2);
    }

    /// <summary>One client's entries, oldest first, and what they hold.</summary>
    private sealed class Holder
    {
        private readonly Lock _order = new();
        private readonly Queue<(string Key, Entry Entry)> _stored = new();
        private int _count;
        private long _bytes;

        public int Count => Volatile.Read(ref _count);

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Add(string key, Entry entry)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _bytes, entry.Size);
            lock (_order)
            {
                _stored.Enqueue((key, entry));
            }
        }

        public void Removed(Entry entry)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Add(ref _bytes, -entry.Size);
        }

        /// <summary>Removes this client's oldest entries until one more of <paramref name="size"/> bytes fits its share.</summary>
        public void MakeRoom(ResponseCache cache, long size, int maxEntries, long maxBytes)
        {
            lock (_order)
            {
                while ((Count + 1 > maxEntries || Bytes + size > maxBytes) && _stored.TryDequeue(out var oldest))
                {
                    // An entry the cache evicted already was counted out then.
                    cache.Remove(oldest.Key, oldest.Entry);
                }

                // Entries the cache evicted stay queued until here: dropped when they outnumber the live ones.
                if (_stored.Count > (2 * Count) + 64)
                {
                    var live = _stored.Where(e => cache.Holds(e.Key, e.Entry)).ToList();
                    _stored.Clear();
                    foreach (var item in live)
                    {
                        _stored.Enqueue(item);
                    }
                }
            }
        }
    }
}

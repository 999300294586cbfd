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
/// notifications. Bounded: past <see cref="MaxEntries"/> or <see cref="MaxBytes"/> it starts over.
/// </summary>
public sealed class ResponseCache
{
    public const int MaxEntries = 10_000;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxKeyLength = 16 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _bytes;

    // ConcurrentDictionary.Count takes every lock of the dictionary; a miss-heavy load would queue on it.
    private int _count;

    public bool TryGet(string key, out CachedResponse response)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == Interlocked.Read(ref _generation))
        {
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
        if (key.Length > MaxKeyLength || generation != Interlocked.Read(ref _generation))
        {
            return;
        }

        if (Volatile.Read(ref _count) >= MaxEntries || Interlocked.Read(ref _bytes) + response.Body.Length > MaxBytes)
        {
            Clear();
        }

        if (_entries.TryAdd(key, new Entry(response, generation)))
        {
            Interlocked.Add(ref _bytes, response.Body.Length + key.Length);
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

    private void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _count, 0);
    }

    private sealed record Entry(CachedResponse Response, long Generation);
}

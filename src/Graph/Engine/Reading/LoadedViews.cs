using System.Collections.Concurrent;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// The documents this host has read, by table and id, each with the row version it was read at. A read
/// statement selects ids and versions only and takes a document from here when its version still
/// matches: PostgreSQL's text output of each document and the host's JSON parse of it were most of a
/// cache-missing read's cost, for documents that change a few times a year.
/// </summary>
public sealed class LoadedViews
{
    /// <summary>How many documents of one table are kept; past it the table's are dropped and read again.</summary>
    public const int MaxPerTable = 10_000;

    private readonly ConcurrentDictionary<string, Table> _tables = new(StringComparer.Ordinal);

    public bool TryGet<T>(string table, string id, RowVersion version, out T document)
    {
        if (_tables.TryGetValue(table, out var documents)
            && documents.Entries.TryGetValue(id, out var entry)
            && entry.Version == version
            && entry.Document is T found)
        {
            document = found;
            return true;
        }

        document = default!;
        return false;
    }

    public void Store(string table, string id, RowVersion version, object document)
    {
        var documents = _tables.GetOrAdd(table, _ => new Table());
        if (documents.Entries.TryAdd(id, new Entry(version, document)))
        {
            if (Interlocked.Increment(ref documents.Count) > MaxPerTable)
            {
                documents.Entries.Clear();
                Interlocked.Exchange(ref documents.Count, 0);
            }
        }
        else
        {
            documents.Entries[id] = new Entry(version, document);
        }
    }

    private sealed record Entry(RowVersion Version, object Document);

    private sealed class Table
    {
        public readonly ConcurrentDictionary<string, Entry> Entries = new(StringComparer.Ordinal);
        public int Count;
    }
}

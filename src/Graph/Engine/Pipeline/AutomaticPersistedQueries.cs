using GraphQL;
using GraphQL.DI;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// Apollo's Automatic Persisted Queries: a request may carry <c>extensions.persistedQuery { version: 1, sha256Hash }</c>
/// instead of the query text. An unknown hash answers <c>PERSISTED_QUERY_NOT_FOUND</c>; the client then sends the
/// text with the hash, which is checked and remembered (a bounded number of queries, the oldest dropped first).
/// </summary>
public sealed class AutomaticPersistedQueries(int capacity = 1000) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _queries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Before the persisted document handler (200), which refuses a request with neither text nor id; before the document cache.</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Extensions?.TryGetValue("persistedQuery", out var value) != true || value is not IDictionary<string, object?> persisted)
        {
            return await next(options);
        }

        if (!persisted.TryGetValue("version", out var version) || Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            return Error("PERSISTED_QUERY_NOT_SUPPORTED", "Only version 1 of persisted queries is supported.");
        }

        if (!persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || hash.Length != 64)
        {
            return Error("PERSISTED_QUERY_INVALID", "`extensions.persistedQuery.sha256Hash` must be the SHA-256 of the query, in hexadecimal.");
        }

        hash = hash.ToLowerInvariant();
        if (options.Query is { } query)
        {
            if (ParsedDocumentCache.Sha256(query) != hash)
            {
                return Error("PERSISTED_QUERY_HASH_MISMATCH", "The query's SHA-256 does not match `sha256Hash`.");
            }

            Remember(hash, query);
            return await next(options);
        }

        lock (_gate)
        {
            if (!_queries.TryGetValue(hash, out query))
            {
                return Error("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
            }
        }

        options.Query = query;
        return await next(options);
    }

    private void Remember(string hash, string query)
    {
        lock (_gate)
        {
            if (_queries.TryAdd(hash, query))
            {
                _order.Enqueue(hash);
                if (_order.Count > capacity)
                {
                    _queries.Remove(_order.Dequeue());
                }
            }
        }
    }

    private static ExecutionResult Error(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };
}

using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Kvk.Graph.Http;

/// <summary>
/// A bounded least-recently-used cache of parsed and validated documents, keyed by the query text: a hit skips
/// parsing and the validation rules that only depend on the document (only the per-request rules run).
/// </summary>
public sealed class DocumentCache(int capacity = 500) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Query, GraphQLDocument Document)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Query, GraphQLDocument Document)> _recency = new();

    /// <summary>After the persisted document handlers, which turn an id or a hash into query text.</summary>
    public float SortOrder => 300;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    public long Hits { get; private set; }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (TryGet(query) is { } cached)
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules;
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            Add(query, document);
        }

        return result;
    }

    private GraphQLDocument? TryGet(string query)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(query, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            Hits++;
            return node.Value.Document;
        }
    }

    private void Add(string query, GraphQLDocument document)
    {
        lock (_gate)
        {
            if (_index.ContainsKey(query))
            {
                return;
            }

            _index[query] = _recency.AddFirst((query, document));
            if (_index.Count > capacity)
            {
                _index.Remove(_recency.Last!.Value.Query);
                _recency.RemoveLast();
            }
        }
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

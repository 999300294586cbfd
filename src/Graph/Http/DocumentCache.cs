using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Kvk.Graph.Http;

/// <summary>
/// A bounded least-recently-used cache of parsed and validated documents, keyed by the query text: a hit skips
/// parsing and the validation rules that only depend on the document (only the per-request rules run). The
/// complexity rule is per request only for a document whose complexity the variables can change. A
/// document it does not hold meets the document limits (<see cref="QueryLimits.CheckDocument"/>) first.
/// </summary>
public sealed class DocumentCache(QueryLimits limits, int capacity = 500) : IConfigureExecution
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();

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
            options.Document = cached.Document;

            // Null would mean GraphQL.NET's full rule set, so "no rules for cached documents" must be an empty set.
            var rules = options.CachedDocumentValidationRules ?? [];
            options.ValidationRules = cached.VariablesChangeComplexity ? rules : [.. rules.Where(r => r is not ComplexityValidationRule)];
            return await next(options);
        }

        if (limits.CheckDocument(query) is { } refusal)
        {
            return new ExecutionResult { Errors = [refusal] };
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            Add(query, document);
        }

        return result;
    }

    private Entry? TryGet(string query)
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
            return node.Value;
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

            _index[query] = _recency.AddFirst(new Entry(query, document, VariablesChangeComplexity(document)));
            if (_index.Count > capacity)
            {
                _index.Remove(_recency.Last!.Value.Query);
                _recency.RemoveLast();
            }
        }
    }

    /// <summary>
    /// Whether a variable reaches what the complexity analysis reads besides the document itself: the
    /// <c>first</c>, <c>last</c> and <c>id</c> arguments that multiply a list, and <c>@skip</c>/<c>@include</c>.
    /// </summary>
    private static bool VariablesChangeComplexity(GraphQLDocument document) =>
        Nodes(document).Any(node => node switch
        {
            GraphQLField field => field.Arguments?.Items.Any(a => a.Name.StringValue is "first" or "last" or "id" && HasVariable(a.Value)) ?? false,
            GraphQLDirective directive => directive.Arguments?.Items.Any(a => HasVariable(a.Value)) ?? false,
            _ => false,
        });

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) ?? false,
        GraphQLObjectValue obj => obj.Fields?.Any(f => HasVariable(f.Value)) ?? false,
        _ => false,
    };

    private static IEnumerable<ASTNode> Nodes(ASTNode node)
    {
        yield return node;
        foreach (var child in Children(node).SelectMany(Nodes))
        {
            yield return child;
        }
    }

    private static IEnumerable<ASTNode> Children(ASTNode node) => node switch
    {
        GraphQLDocument document => document.Definitions,
        GraphQLOperationDefinition operation => [.. operation.Directives?.Items ?? [], operation.SelectionSet],
        GraphQLFragmentDefinition fragment => [.. fragment.Directives?.Items ?? [], fragment.SelectionSet],
        GraphQLSelectionSet set => set.Selections,
        GraphQLField field => [.. field.Directives?.Items ?? [], .. field.SelectionSet is { } selection ? [selection] : Array.Empty<ASTNode>()],
        GraphQLFragmentSpread spread => spread.Directives?.Items ?? [],
        GraphQLInlineFragment inline => [.. inline.Directives?.Items ?? [], inline.SelectionSet],
        _ => [],
    };

    private sealed record Entry(string Query, GraphQLDocument Document, bool VariablesChangeComplexity);

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

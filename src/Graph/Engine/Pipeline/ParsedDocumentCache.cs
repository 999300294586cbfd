using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Kvk.Graph.Engine.Profiling;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// A bounded least-recently-used cache of parsed documents, keyed by their text, each with the operations
/// it has been validated for. A document it does not hold meets the document limits
/// (<see cref="QueryLimits.CheckDocument"/>) and is parsed; an operation not yet validated in it meets
/// every rule; only an operation that passed them all before skips the rules that depend on the document
/// alone. The complexity rule runs again for an operation whose complexity its variables can change.
/// </summary>
/// <param name="profile">Counts the hits and times their lookups, when the request profile is enabled.</param>
public sealed class ParsedDocumentCache(QueryLimits limits, int capacity = 500, RequestProfile? profile = null) : IConfigureExecution
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

    private long _hits;

    /// <summary>How many operations skipped parsing and the document's rules.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        var started = profile is null ? 0 : RequestProfile.Now();
        var operation = options.OperationName ?? "";
        if (TryGet(query) is { } cached)
        {
            options.Document = cached.Document;
            if (cached.IsValidated(operation))
            {
                Interlocked.Increment(ref _hits);
                profile?.Add(ProfilePhase.DocumentCacheHit, started);
                // Null would mean GraphQL.NET's full rule set, so "no rules for cached documents" must be an empty set.
                var rules = options.CachedDocumentValidationRules ?? [];
                options.ValidationRules = cached.VariablesChangeComplexity ? rules : [.. rules.Where(r => r is not ComplexityValidationRule)];
                return await next(options);
            }
        }
        else if (limits.CheckDocument(query) is { } refusal)
        {
            return new ExecutionResult { Errors = [refusal] };
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            Add(query, document).Validated(operation);
        }

        return result;
    }

    /// <summary>
    /// Whether <paramref name="operationName"/> of <paramref name="query"/> is a subscription that passed every rule here
    /// before: told without parsing, so that admission can ask it before it takes a permit.
    /// </summary>
    public bool IsValidatedSubscription(string query, string? operationName)
    {
        if (TryGet(query) is not { } cached || !cached.IsValidated(operationName ?? ""))
        {
            return false;
        }

        var operations = cached.Document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? (operations.Count == 1 ? operations[0] : null)
            : operations.Find(o => o.Name?.StringValue == operationName);
        return operation?.Operation == OperationType.Subscription;
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
            return node.Value;
        }
    }

    private Entry Add(string query, GraphQLDocument document)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(query, out var existing))
            {
                return existing.Value;
            }

            var node = _index[query] = _recency.AddFirst(new Entry(query, document, VariablesChangeComplexity(document)));
            if (_index.Count > capacity)
            {
                _index.Remove(_recency.Last!.Value.Query);
                _recency.RemoveLast();
            }

            return node.Value;
        }
    }

    /// <summary>
    /// Whether a variable reaches what the complexity analysis reads besides the document itself: the
    /// <c>first</c>, <c>last</c> and <c>id</c> arguments that multiply a list, a <c>where</c> whose conditions
    /// are counted, and <c>@skip</c>/<c>@include</c>. In a <c>where</c>, a variable that is a condition's value and
    /// can only be a built-in scalar, never null (<c>gte: $from</c> with <c>$from: Int!</c>), is one condition whatever
    /// its value (<see cref="QueryLimits.FilterCost"/>): such a filter costs what its document says, so a new value
    /// of it costs execution only, not a new validation.
    /// </summary>
    private static bool VariablesChangeComplexity(GraphQLDocument document)
    {
        var conditionValues = ConditionValueVariables(document);
        return Nodes(document).Any(node => node switch
        {
            GraphQLField field => field.Arguments?.Items.Any(a => a.Name.StringValue switch
            {
                "first" or "last" or "id" => HasVariable(a.Value),
                "where" => FilterVariesWith(a.Value, conditionValues),
                _ => false,
            }) ?? false,
            GraphQLDirective directive => directive.Arguments?.Items.Any(a => HasVariable(a.Value)) ?? false,
            _ => false,
        });
    }

    private static readonly HashSet<string> BuiltInScalars = new(["Int", "Float", "String", "Boolean", "ID"], StringComparer.Ordinal);

    /// <summary>The variables every operation of the document declares as a non-null built-in scalar.</summary>
    private static HashSet<string> ConditionValueVariables(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(operation => operation.Variables?.Items ?? [])
            .GroupBy(definition => definition.Variable.Name.StringValue)
            .Where(declared => declared.All(d =>
                d.Type is GraphQLNonNullType { Type: GraphQLNamedType named } && BuiltInScalars.Contains(named.Name.StringValue)))
            .Select(declared => declared.Key)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a variable in a <c>where</c> value can change what its conditions cost: any but a scalar condition's value.</summary>
    private static bool FilterVariesWith(GraphQLValue value, HashSet<string> conditionValues) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(v => FilterVariesWith(v, conditionValues)) ?? false,
        GraphQLObjectValue obj => obj.Fields?.Any(f => f.Value is GraphQLVariable variable
            ? !conditionValues.Contains(variable.Name.StringValue)
            : FilterVariesWith(f.Value, conditionValues)) ?? false,
        _ => false,
    };

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

    /// <summary>A parsed document and the operations (by name; "" for an unnamed one) that passed every rule.</summary>
    private sealed class Entry(string query, GraphQLDocument document, bool variablesChangeComplexity)
    {
        private readonly HashSet<string> _validated = new(StringComparer.Ordinal);

        public string Query { get; } = query;

        public GraphQLDocument Document { get; } = document;

        public bool VariablesChangeComplexity { get; } = variablesChangeComplexity;

        public bool IsValidated(string operation)
        {
            lock (_validated)
            {
                return _validated.Contains(operation);
            }
        }

        public void Validated(string operation)
        {
            lock (_validated)
            {
                _validated.Add(operation);
            }
        }
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

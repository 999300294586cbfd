using System.Collections;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using GraphQLParser;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Configuration;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The limits every operation meets before it executes, on every transport (OWASP's GraphQL guidance):
/// request and message size, document size and tokens, parser depth, aliases, depth and complexity (with
/// filters counted), variables, nesting and text of input values, and an execution timeout. Each refusal is
/// a GraphQL error with a stable <c>extensions.code</c>. Configured under <c>Kvk:Limits</c>.
/// </summary>
public sealed record QueryLimits
{
    /// <summary>An HTTP request body, and a WebSocket message.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    public int MaxDocumentLength { get; init; } = 16 * 1024;

    public int MaxTokens { get; init; } = 3000;

    /// <summary>How deep the parser follows the document's syntax tree; deeper is a syntax error.</summary>
    public int MaxParserDepth { get; init; } = 128;

    public int MaxAliases { get; init; } = 30;

    public int MaxDepth { get; init; } = 15;

    public int MaxComplexity { get; init; } = 20_000;

    public int MaxVariableValues { get; init; } = 500;

    /// <summary>Above the longest text any input accepts (a motivation: 4000), so that the domain says what is too long.</summary>
    public int MaxVariableTextLength { get; init; } = 20_000;

    /// <summary>How deep input objects and lists may nest, in variables and in the document's literals.</summary>
    public int MaxInputDepth { get; init; } = 16;

    /// <summary>What one condition of a <c>where</c> adds to its field's complexity.</summary>
    public int FilterConditionCost { get; init; } = 2;

    /// <summary>
    /// What one condition on a related list (<c>some</c>, <c>all</c>, <c>none</c>, <c>any</c>, <c>count</c>) adds: PostgreSQL
    /// runs it as a subquery for every row of the list it filters.
    /// </summary>
    public int ListFilterCost { get; init; } = 100;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a WebSocket may take to send <c>connection_init</c> (then 4408).</summary>
    public TimeSpan ConnectionInitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a WebSocket without operations may stay quiet before it is closed.</summary>
    public TimeSpan ConnectionIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a closing WebSocket waits for the client's close before it is cut.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(3);

    private static readonly Func<FieldImpactContext, FieldComplexityResult> DefaultImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;

    public static QueryLimits From(IConfiguration configuration) => configuration.GetSection("Kvk:Limits").Get<QueryLimits>() ?? new QueryLimits();

    /// <summary>
    /// What one introspection field weighs beside a data field's 1: it reads the schema in memory, never the database,
    /// so a standard introspection (about 5,000 fields answered) fits well within <see cref="MaxComplexity"/>; yet it is
    /// counted, so that aliases cannot ask for the schema thirty times at the price of one (a megabyte and more each time).
    /// </summary>
    public double IntrospectionFieldCost { get; init; } = 0.04;

    /// <summary>The size assumed of an introspection list nested in another (a type's fields, a field's arguments, …).</summary>
    public int IntrospectionListSize { get; init; } = 5;

    /// <summary>
    /// GraphQL.NET's default impact (lists multiplied by <c>first</c>/<c>last</c>) plus the conditions of a
    /// <c>where</c>; introspection fields at <see cref="IntrospectionFieldCost"/> each, their lists at
    /// <see cref="IntrospectionListSize"/> (GraphQL.NET sizes <c>__schema.types</c> by the schema's own count).
    /// </summary>
    public FieldComplexityResult Impact(FieldImpactContext context)
    {
        if (context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            var type = context.FieldDefinition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : context.FieldDefinition.ResolvedType;
            return new FieldComplexityResult(IntrospectionFieldCost, type is ListGraphType ? IntrospectionListSize : 1);
        }

        var impact = DefaultImpact(context);
        return context.Arguments?.TryGetValue("where", out var where) == true && where.Value is not null
            ? new FieldComplexityResult(impact.FieldImpact + FilterCost(where.Value), impact.ChildImpactMultiplier)
            : impact;
    }

    /// <summary>The cost of a <c>where</c> value: each condition, and each related-list condition many times over.</summary>
    public double FilterCost(object? value) => value switch
    {
        IDictionary<string, object?> conditions => conditions.Sum(c => c.Value is null ? 0
            : c.Key is "some" or "all" or "none" or "any" or "count" ? ListFilterCost + FilterCost(c.Value)
            : c.Value is IDictionary<string, object?> or IList ? FilterCost(c.Value)
            : FilterConditionCost),
        IList items => items.Cast<object?>().Sum(FilterCost),
        _ => 0,
    };

    /// <summary>
    /// Checks a document's size and token count before it is parsed; null when it is within the limits.
    /// Run once per document text: a cached document passed it when it was first parsed.
    /// </summary>
    public ExecutionError? CheckDocument(string query) =>
        query.Length > MaxDocumentLength ? Refuse("DOCUMENT_TOO_LARGE", $"The document has {query.Length} characters; at most {MaxDocumentLength} are allowed.")
        : CountTokens(query) > MaxTokens ? Refuse("TOO_MANY_TOKENS", $"The document has more than {MaxTokens} tokens.")
        : null;

    /// <summary>Checks a request's variables: their number, length, nesting and text; null when they are within the limits.</summary>
    public ExecutionError? CheckVariables(Inputs? variables)
    {
        if (variables is null)
        {
            return null;
        }

        var values = 0;
        foreach (var (name, value) in variables)
        {
            if (Check(value, "$" + name, 0, ref values) is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private ExecutionError? Check(object? value, string path, int depth, ref int values)
    {
        if (++values > MaxVariableValues)
        {
            return Refuse("VARIABLES_TOO_LARGE", $"The variables hold more than {MaxVariableValues} values.");
        }

        switch (value)
        {
            case string text:
                return text.Length > MaxVariableTextLength ? Refuse("VARIABLES_TOO_LARGE",
                    $"The variable `{path}` is {text.Length} characters long; at most {MaxVariableTextLength} are allowed.")
                    : InputText.FirstUnsafeCharacter(text) is { } character ? Refuse("INVALID_INPUT",
                        $"The variable `{path}` contains {InputText.Describe(character)}; remove it.")
                    : null;
            case IDictionary<string, object?> map:
                if (depth >= MaxInputDepth)
                {
                    return TooDeep(path);
                }

                foreach (var (key, item) in map)
                {
                    if (Check(item, $"{path}.{key}", depth + 1, ref values) is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;
            case IEnumerable list:
                if (depth >= MaxInputDepth)
                {
                    return TooDeep(path);
                }

                var index = 0;
                foreach (var item in list)
                {
                    if (Check(item, $"{path}[{index++}]", depth + 1, ref values) is { } refusal)
                    {
                        return refusal;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    public ExecutionError TooDeep(string where) =>
        Refuse("INPUT_TOO_DEEP", $"The input value of `{where}` nests objects and lists more than {MaxInputDepth} levels deep.");

    private int CountTokens(string query)
    {
        try
        {
            var tokens = 0;
            var token = Lexer.Lex(query, 0);
            while (token.Kind != TokenKind.EOF && tokens <= MaxTokens)
            {
                tokens++;
                token = Lexer.Lex(query, token.End);
            }

            return tokens;
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The parser reports the syntax error with its location.
            return 0;
        }
    }

    public static ExecutionError Refuse(string code, string message) => new(message) { Code = code };
}

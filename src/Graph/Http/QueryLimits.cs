using GraphQL;
using GraphQL.Validation.Complexity;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Kvk.Graph.Http;

/// <summary>
/// The limits every request meets before anything executes (OWASP's GraphQL guidance): document size,
/// token count, alias count (a validation rule), depth and complexity (GraphQL.NET's analyzer, which
/// multiplies by <c>first</c>/<c>last</c>), variable size and an execution timeout. Each refusal is a
/// GraphQL error with a stable <c>extensions.code</c>. Configured under <c>Kvk:Limits</c>.
/// </summary>
public sealed record QueryLimits
{
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    public int MaxDocumentLength { get; init; } = 16 * 1024;

    public int MaxTokens { get; init; } = 3000;

    public int MaxAliases { get; init; } = 30;

    public int MaxDepth { get; init; } = 15;

    public int MaxComplexity { get; init; } = 20_000;

    public int MaxVariableValues { get; init; } = 500;

    /// <summary>Above the longest text any input accepts (a motivation: 4000), so that the domain says what is too long.</summary>
    public int MaxVariableTextLength { get; init; } = 20_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// GraphQL.NET's default impact (lists multiplied by <c>first</c>/<c>last</c>), except that
    /// introspection costs nothing: the schema is public, small and the same for everyone.
    /// </summary>
    public static FieldComplexityResult Impact(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
            ? new FieldComplexityResult(0, 1)
            : DefaultImpact(context);

    private static readonly Func<FieldImpactContext, FieldComplexityResult> DefaultImpact = new ComplexityOptions().DefaultComplexityImpactDelegate;

    public static QueryLimits From(IConfiguration configuration) => configuration.GetSection("Kvk:Limits").Get<QueryLimits>() ?? new QueryLimits();

    /// <summary>
    /// Checks a document's size and token count before it is parsed; null when it is within the limits.
    /// Run once per document text: a cached document passed it when it was first parsed.
    /// </summary>
    public ExecutionError? CheckDocument(string query) =>
        query.Length > MaxDocumentLength ? Refuse("DOCUMENT_TOO_LARGE", $"The document has {query.Length} characters; at most {MaxDocumentLength} are allowed.")
        : CountTokens(query) > MaxTokens ? Refuse("TOO_MANY_TOKENS", $"The document has more than {MaxTokens} tokens.")
        : null;

    /// <summary>Checks the size of a request's variables; null when they are within the limits.</summary>
    public ExecutionError? CheckVariables(Inputs? variables)
    {
        var values = 0;
        return variables is not null && !WithinLimits(variables, ref values)
            ? Refuse("VARIABLES_TOO_LARGE", $"The variables hold more than {MaxVariableValues} values or a text longer than {MaxVariableTextLength} characters.")
            : null;
    }

    private bool WithinLimits(object? value, ref int values)
    {
        if (++values > MaxVariableValues)
        {
            return false;
        }

        switch (value)
        {
            case string text:
                return text.Length <= MaxVariableTextLength;
            case IDictionary<string, object?> map:
                foreach (var item in map.Values)
                {
                    if (!WithinLimits(item, ref values))
                    {
                        return false;
                    }
                }

                return true;
            case System.Collections.IEnumerable list:
                foreach (var item in list)
                {
                    if (!WithinLimits(item, ref values))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

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

    private static ExecutionError Refuse(string code, string message) => new(message) { Code = code };
}

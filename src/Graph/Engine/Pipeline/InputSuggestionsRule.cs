using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// "Did you mean" for input values written in the document, as GraphQL.NET gives it for output fields: an unknown
/// input object field (<c>where: { yaer: … }</c>) or enum value (<c>order: { year: ASCC }</c>) gets the names it is
/// closest to, in the same form (<c>Did you mean 'year'?</c>). GraphQL.NET's own error for the argument is kept, its
/// message extended after execution (<see cref="InputSuggestions.Apply"/>), so that code, number and locations stay;
/// outside Development <see cref="ErrorPolicy.WithoutSuggestions"/> cuts the suggestion from it as from every other.
/// </summary>
public sealed class InputSuggestionsRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new MatchingNodeVisitor<GraphQLArgument>(
        leave: (argument, ctx) =>
        {
            if (ctx.TypeInfo.GetArgument()?.ResolvedType is not { } type)
            {
                return;
            }

            var names = new List<string>();
            InputSuggestions.Collect(argument.Value, type, names);
            if (names.Count == 0)
            {
                return;
            }

            // GraphQL.NET's error is not ours to replace here: the pipeline extends it after execution (InputSuggestions.Apply).
            InputSuggestions.Remember(ctx.UserContext, Position(ctx.Document.Source, argument.Location.Start), names);
        }));

    /// <summary>The 1-based line and column of a position, counted as GraphQL counts them (CR LF, LF or CR ends a line).</summary>
    private static (int Line, int Column) Position(ReadOnlyMemory<char> source, int position)
    {
        var (line, start) = (1, 0);
        var text = source.Span;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                (line, start) = (line + 1, i + 1);
            }
        }

        return (line, position - start + 1);
    }
}

using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The document's own input values meet the same rules as variables (<see cref="QueryLimits.CheckVariables"/>):
/// no text that is not text (<see cref="InputText"/>), no nesting deeper than <see cref="QueryLimits.MaxInputDepth"/>.
/// The refusal names the argument and its field.
/// </summary>
public sealed class InputValuesRule(QueryLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(new NodeVisitors(
        new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                Check(ctx, argument.Value, $"{argument.Name.StringValue}` of `{field.Name.StringValue}", 0);
            }
        }),
        new MatchingNodeVisitor<GraphQLVariableDefinition>((definition, ctx) =>
        {
            if (definition.DefaultValue is { } value)
            {
                Check(ctx, value, "$" + definition.Variable.Name.StringValue, 0);
            }
        })));

    private bool Check(ValidationContext context, GraphQLValue value, string where, int depth)
    {
        switch (value)
        {
            case GraphQLStringValue text when InputText.FirstUnsafeCharacter(new string(text.Value.Span)) is { } character:
                context.ReportError(new ValidationError(
                    context.Document.Source,
                    null,
                    $"The value of `{where}` contains {InputText.Describe(character)}; remove it.",
                    value)
                {
                    Code = "INVALID_INPUT",
                });
                return false;
            case GraphQLObjectValue or GraphQLListValue when depth >= limits.MaxInputDepth:
                var refusal = limits.TooDeep(where);
                context.ReportError(new ValidationError(context.Document.Source, null, refusal.Message, value) { Code = refusal.Code });
                return false;
            case GraphQLObjectValue obj:
                return obj.Fields?.All(f => Check(context, f.Value, where, depth + 1)) ?? true;
            case GraphQLListValue list:
                return list.Values?.All(v => Check(context, v, where, depth + 1)) ?? true;
            default:
                return true;
        }
    }
}

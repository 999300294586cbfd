using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>Refuses documents with more aliased fields than allowed: aliases multiply work without multiplying the document.</summary>
public sealed class AliasLimitRule(QueryLimits limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++aliases == limits.MaxAliases + 1)
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, null, $"The document uses more than {limits.MaxAliases} aliases.", field)
                {
                    Code = "TOO_MANY_ALIASES",
                });
            }
        }));
    }
}

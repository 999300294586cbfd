using GraphQL.Validation;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>GET must not change anything: an operation over GET that is not a query is refused (HTTP 405).</summary>
public sealed class QueriesOnlyOverGet : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(
        new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (operation.Operation != OperationType.Query && ctx.Operation == operation)
            {
                ctx.ReportError(new MutationOverGetError(ctx, operation));
            }
        }));

    public sealed class MutationOverGetError(ValidationContext context, GraphQLOperationDefinition operation)
        : ValidationError(context.Document.Source, "405", $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be " +
            "sent with GET; use POST.", operation);
}

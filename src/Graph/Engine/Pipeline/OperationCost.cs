using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Kvk.Graph.Engine.Profiling;
using Microsoft.AspNetCore.Http;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>What a client asks to learn of an operation's cost, with HotChocolate's <c>GraphQL-Cost</c> header.</summary>
public enum CostRequest
{
    /// <summary>Nothing: the operation runs, its cost checked against the limit.</summary>
    None,

    /// <summary><c>report</c>: the operation runs, and its cost is in <c>extensions.operationCost</c>.</summary>
    Report,

    /// <summary><c>validate</c>: the operation is validated and costed, not run.</summary>
    Validate,
}

/// <summary>
/// An operation's cost as the complexity limit counts it (the weights the schema publishes with <c>@cost</c> and
/// <c>@listSize</c>), and the <c>GraphQL-Cost</c> header that asks for it.
/// </summary>
public static class OperationCost
{
    public const string Header = "GraphQL-Cost";
    public const string Extension = "operationCost";

    private const string Measured = "kvk.operationCost";
    private const string OnlyCost = "kvk.costOnly";

    public static CostRequest Of(HttpRequest request) => request.Headers[Header].ToString().Trim().ToLowerInvariant() switch
    {
        "report" => CostRequest.Report,
        "validate" => CostRequest.Validate,
        _ => CostRequest.None,
    };

    public static Dictionary<string, object?> UserContext(CostRequest request) =>
        request == CostRequest.Validate ? new() { [OnlyCost] = true } : [];

    /// <summary>The result as the client asked: with the cost in its extensions, and without data when only the cost was asked.</summary>
    public static ExecutionResult Answer(ExecutionResult result, CostRequest request, IDictionary<string, object?> userContext, QueryLimits limits)
    {
        if (request == CostRequest.None)
        {
            return result;
        }

        if (request == CostRequest.Validate)
        {
            var errors = result.Errors?.Where(e => e is not CostOnlyMarker).ToList() ?? [];
            result = new ExecutionResult
            {
                Errors = errors.Count > 0 ? [.. errors] : null,
                Executed = false,
                Query = result.Query,
                Document = result.Document,
                Operation = result.Operation,
            };
        }

        if (userContext.TryGetValue(Measured, out var cost) && cost is double fieldCost)
        {
            result.Extensions ??= [];
            result.Extensions[Extension] = new Dictionary<string, object?> { ["fieldCost"] = fieldCost, ["maxFieldCost"] = (double)limits.MaxComplexity };
        }

        return result;
    }

    /// <summary>The complexity rule, remembering the cost it computed; in validate mode it stops the operation there.</summary>
    /// <param name="profile">Times each analysis, when the request profile is enabled.</param>
    public sealed class MeasuredComplexityRule(ComplexityOptions options, RequestProfile? profile = null) : ComplexityValidationRule(options)
    {
        /// <summary>The analysis itself: GraphQL.NET computes the cost here, after the other rules' visitors.</summary>
        public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
            profile is null ? base.GetPostNodeVisitorAsync(context) : TimedAsync(context, profile);

        private async ValueTask<INodeVisitor?> TimedAsync(ValidationContext context, RequestProfile profile)
        {
            var started = RequestProfile.Now();
            try
            {
                return await base.GetPostNodeVisitorAsync(context);
            }
            finally
            {
                profile.Add(ProfilePhase.CostAnalysis, started);
            }
        }

        protected override async ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
        {
            context.UserContext[Measured] = totalComplexity;
            await base.ValidateComplexityAsync(context, totalComplexity, maxDepth);
            if (context.UserContext.ContainsKey(OnlyCost) && !context.HasErrors)
            {
                context.ReportError(new CostOnlyMarker());
            }
        }
    }

    /// <summary>Stops a validate-only operation before it runs; removed from the answer.</summary>
    private sealed class CostOnlyMarker() : ValidationError("Only the cost was asked for.");
}

using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Kvk.Graph.Hosting;
using Kvk.Graph.Operations;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Http;

/// <summary>How every transport (POST, GET, WebSocket, SSE) runs a request: with the caller's user and services.</summary>
public static class GraphQLExecution
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, new QueriesOnlyOverGet()];
    private static readonly IValidationRule[] CachedGetRules = [new QueriesOnlyOverGet()];

    public static async Task<ExecutionResult> ExecuteAsync(
        IServiceProvider requestServices, ClaimsPrincipal user, GraphQLRequest request, bool queriesOnly, CancellationToken cancellationToken)
    {
        if (requestServices.GetRequiredService<QueryLimits>().CheckVariables(request.Variables) is { } refusal)
        {
            return new ExecutionResult { Errors = [refusal] };
        }

        using var activity = GraphQLTelemetry.Source.StartActivity("graphql.execute");
        var executer = requestServices.GetRequiredService<IDocumentExecuter<KvkSchema>>();
        var log = requestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLExecution));
        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.DocumentId = request.DocumentId;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.Extensions = request.Extensions;
            options.RequestServices = requestServices;
            options.User = user;
            options.CancellationToken = cancellationToken;
            options.UnhandledExceptionDelegate = ctx =>
            {
                KvkLog.ResolverFailed(log, ErrorPolicy.Mask(ctx), ctx.OriginalException);
                return Task.CompletedTask;
            };
            if (queriesOnly)
            {
                options.ValidationRules = GetRules;
                options.CachedDocumentValidationRules = CachedGetRules;
            }
        });
        activity?.SetTag("graphql.operation.name", OperationName(result, request));
        activity?.SetTag("graphql.outcome", Outcome(result));
        return requestServices.GetRequiredService<IHostEnvironment>().IsDevelopment() ? result : ErrorPolicy.WithoutSuggestions(result);
    }

    /// <summary>The operation's name for logs and traces: its given name, or its kind.</summary>
    public static string OperationName(ExecutionResult result, GraphQLRequest request) =>
        result.Operation?.Name?.StringValue ?? request.OperationName ?? result.Operation?.Operation.ToString().ToLowerInvariant() ?? "";

    public static string Outcome(ExecutionResult result) => result.Errors is { Count: > 0 } ? (result.Executed ? "partial" : "refused") : "ok";
}

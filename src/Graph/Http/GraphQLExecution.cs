using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Kvk.Graph.Hosting;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Http;

/// <summary>How every transport (POST, GET, WebSocket, SSE) runs a request: with the caller's user and services.</summary>
public static class GraphQLExecution
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, new QueriesOnlyOverGet()];
    private static readonly IValidationRule[] CachedGetRules = [new QueriesOnlyOverGet()];

    public static Task<ExecutionResult> ExecuteAsync(
        IServiceProvider requestServices, ClaimsPrincipal user, GraphQLRequest request, bool queriesOnly, CancellationToken cancellationToken)
    {
        var executer = requestServices.GetRequiredService<IDocumentExecuter<KvkSchema>>();
        var log = requestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLExecution));
        return executer.ExecuteAsync(options =>
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
                KvkLog.ResolverFailed(log, ctx.OriginalException);
                return Task.CompletedTask;
            };
            if (queriesOnly)
            {
                options.ValidationRules = GetRules;
                options.CachedDocumentValidationRules = CachedGetRules;
            }
        });
    }
}

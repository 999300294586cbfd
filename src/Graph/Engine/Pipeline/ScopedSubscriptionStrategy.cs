using GraphQL;
using GraphQL.Execution;
using Kvk.Graph.Engine.Reading;
using Microsoft.Extensions.DependencyInjection;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// A subscription's events each run in a service scope of their own, as an operation does: an event's
/// loads are batched (one set of batch loaders per event) and never served from what an earlier event read, and
/// go where the subscriber's reads go (<see cref="ReadRoute"/>); and each is refused once the subscriber's credential
/// no longer holds.
/// </summary>
public sealed class ScopedSubscriptionStrategy : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        // A subscription outlives the request that started it: its credential is asked again before each event, so
        // that a revoked or expired one stops receiving what only it may read (a decision before its announcement).
        if (context.User is { } user
            && context.RequestServices!.GetService<IBearerAuthenticator>() is { } authenticator
            && await authenticator.CheckAsync(user, context.CancellationToken) is { } refused)
        {
            return new ExecutionResult { Errors = [refused.ToError()] };
        }

        await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        scope.ServiceProvider.GetRequiredService<ReadRoute>().Choose(context.User);
        return await base.ProcessDataAsync(context, node, value);
    }
}

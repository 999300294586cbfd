using GraphQL;
using GraphQL.Execution;
using Kvk.Graph.Engine.Reading;
using Microsoft.Extensions.DependencyInjection;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// A subscription's events each run in a service scope of their own, as an operation does: an event's
/// loads are batched (one set of batch loaders per event) and never served from what an earlier event read, and
/// go where the subscriber's reads go (<see cref="ReadRoute"/>).
/// </summary>
public sealed class ScopedSubscriptionStrategy : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        await using var scope = context.RequestServices!.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        scope.ServiceProvider.GetRequiredService<ReadRoute>().Choose(context.User);
        return await base.ProcessDataAsync(context, node, value);
    }
}

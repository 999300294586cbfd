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
/// no longer holds. An event its publisher handed to every subscriber (<see cref="SharedEventResults"/>) is resolved
/// once per distinct selection (document, operation, variables, who asks) and that one result goes to each of its
/// subscribers: 2,000 watchers of one round cost one execution per change, not 2,000.
/// </summary>
public sealed class ScopedSubscriptionStrategy(SharedEventResults shared, QueryLimits limits) : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(ExecutionContext context, ExecutionNode node, object? value)
    {
        // A subscription outlives the request that started it: its credential is asked again before each event, so
        // that a revoked or expired one stops receiving what only it may read (a decision before its announcement),
        // also when the result is shared with others of the same credential.
        if (context.User is { } user
            && context.RequestServices!.GetService<IBearerAuthenticator>() is { } authenticator
            && await authenticator.CheckAsync(user, context.CancellationToken) is { } refused)
        {
            return new ExecutionResult { Errors = [refused.ToError()] };
        }

        var factory = context.RequestServices!.GetRequiredService<IServiceScopeFactory>();
        if (value is not null
            && SubscriberSelection.KeyOf(context, node) is { } key
            && shared.Resolve(value, key, () => ResolveSharedAsync(factory, context, node, value)) is { } result)
        {
            // The run is no one subscriber's: this one leaving does not cancel it for the others.
            return await result.WaitAsync(context.CancellationToken);
        }

        return await ResolveAsync(factory, context, node, value);
    }

    /// <summary>
    /// Resolves a shared event in a copy of the first subscriber's context that no subscriber cancels, bounded by the
    /// operation timeout instead.
    /// </summary>
    private async Task<ExecutionResult> ResolveSharedAsync(IServiceScopeFactory factory, ExecutionContext context, ExecutionNode node, object value)
    {
        using var timeout = new CancellationTokenSource(limits.Timeout);
        using var own = CloneExecutionContext(context, timeout.Token);
        return await ResolveAsync(factory, own, node, value);
    }

    private async Task<ExecutionResult> ResolveAsync(IServiceScopeFactory factory, ExecutionContext context, ExecutionNode node, object? value)
    {
        await using var scope = factory.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        scope.ServiceProvider.GetRequiredService<ReadRoute>().Choose(context.User);
        return await base.ProcessDataAsync(context, node, value);
    }
}

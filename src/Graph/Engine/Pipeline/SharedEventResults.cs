using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The results of one live event, shared by the subscribers of the same selection (<see cref="SubscriberSelection"/>):
/// a publisher that hands one event object to every subscriber (a broadcast, a catch-up read shared by the subscribers
/// that missed the same) opens it here, the first subscriber of a selection resolves it and the others take that result,
/// so an event costs one execution per distinct selection, not one per subscriber. An event nobody opened (what a
/// subscriber missed, read for it alone) is resolved per subscriber. The table holds an event's results only as long as
/// something holds the event itself.
/// </summary>
public sealed class SharedEventResults
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Task<ExecutionResult>>> _events = [];

    /// <summary>Opens <paramref name="event"/>, about to be handed to every subscriber, for sharing its results.</summary>
    public void Open(object @event) => _events.TryAdd(@event, new ConcurrentDictionary<string, Task<ExecutionResult>>(StringComparer.Ordinal));

    /// <summary>
    /// The result of <paramref name="event"/> for the selection <paramref name="key"/>: the first caller's
    /// <paramref name="resolve"/>, started once; null when the event was not opened (resolve it for this subscriber).
    /// </summary>
    public Task<ExecutionResult>? Resolve(object @event, string key, Func<Task<ExecutionResult>> resolve)
    {
        if (!_events.TryGetValue(@event, out var results))
        {
            return null;
        }

        if (results.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var mine = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        shared = results.GetOrAdd(key, mine.Task);
        if (shared == mine.Task)
        {
            _ = CompleteAsync(mine, resolve);
        }

        return shared;
    }

    private static async Task CompleteAsync(TaskCompletionSource<ExecutionResult> result, Func<Task<ExecutionResult>> resolve)
    {
        try
        {
            result.SetResult(await resolve());
        }
        catch (Exception e)
        {
            result.SetException(e);
        }
    }
}

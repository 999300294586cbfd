namespace Kvk.Graph.Live.Rehearsal;

/// <summary>Whether the host's rehearsal of its live path (<see cref="LiveRehearsal"/>) is over, and what it did: what readiness asks.</summary>
public sealed class RehearsalProgress
{
    private readonly TaskCompletionSource<RehearsalOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the rehearsal did; null while it goes on.</summary>
    public RehearsalOutcome? Outcome => _outcome.Task.IsCompletedSuccessfully ? _outcome.Task.Result : null;

    public void Finish(RehearsalOutcome outcome) => _outcome.TrySetResult(outcome);
}

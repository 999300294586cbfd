using System.Diagnostics.Metrics;
using Kvk.Graph.Engine.Pipeline;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// Where the public's reads go now, one per host: the read pool (a streaming replica) while it answers and keeps up,
/// the primary while it does not. A request only reads this cached state; whoever watches the replica (a background
/// check, or a read that failed to connect to it) changes it. Without a replica the public reads the primary always.
/// The state is a metric of the host's meter (<c>kvk.reads.from_primary</c>, 1 while the replica is passed over, and
/// <c>kvk.reads.fallbacks</c>, how many times it was), so that an operator sees a host quietly loading its primary.
/// </summary>
public sealed class ReadSource
{
    private readonly Counter<long> _fallbacks;
    private volatile State _state;

    public ReadSource(bool hasReplica, IMeterFactory meters)
    {
        HasReplica = hasReplica;
        _state = hasReplica
            ? new State(false, "The replica has not been checked yet.")
            : new State(true, "No replica is configured (ConnectionStrings:KvkRead).");
        var meter = meters.Create(GraphQLMetrics.MeterName);
        _fallbacks = meter.CreateCounter<long>(
            "kvk.reads.fallbacks", "{fallback}", "How many times the public's reads turned from the replica to the primary.");
        meter.CreateObservableGauge(
            "kvk.reads.from_primary", () => FromPrimary ? 1 : 0, "{boolean}", "1 while the public's reads go to the primary instead of the replica.");
    }

    /// <summary>Whether a replica is configured at all.</summary>
    public bool HasReplica { get; }

    /// <summary>Whether the public reads the primary now (always, without a replica).</summary>
    public bool FromPrimary => _state.FromPrimary;

    /// <summary>Why the reads go where they go.</summary>
    public string Reason => _state.Reason;

    /// <summary>The public reads the primary from now on; true when this turned it (it read the replica before).</summary>
    public bool FallBack(string reason)
    {
        if (!HasReplica)
        {
            return false;
        }

        var before = Interlocked.Exchange(ref _state, new State(true, reason));
        if (before.FromPrimary)
        {
            return false;
        }

        _fallbacks.Add(1);
        return true;
    }

    /// <summary>The public reads the replica again; true when this turned it (it read the primary before).</summary>
    public bool Return(string reason)
    {
        if (!HasReplica)
        {
            return false;
        }

        return Interlocked.Exchange(ref _state, new State(false, reason)).FromPrimary;
    }

    private sealed record State(bool FromPrimary, string Reason);
}

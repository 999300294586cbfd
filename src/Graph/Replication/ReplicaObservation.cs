namespace Kvk.Graph.Replication;

/// <summary>
/// What the last look at the two databases found (<see cref="ReplicaMonitor"/>): whether each answered, and how far
/// the replica trailed the primary: the WAL bytes it had still to replay, and for how many seconds it had not yet
/// replayed a position the primary had written (measured, not derived from the last replayed transaction's
/// timestamp, which on a quiet primary is old even when nothing is missing).
/// </summary>
public sealed record ReplicaObservation(bool PrimaryAnswers, bool ReplicaAnswers, long LagBytes, double LagSeconds);

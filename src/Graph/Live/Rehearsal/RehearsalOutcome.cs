namespace Kvk.Graph.Live.Rehearsal;

public enum RehearsalState
{
    Off,
    Rehearsed,
    Skipped,
    Failed,
}

/// <summary>What a host's rehearsal of its live path did, for its readiness report.</summary>
/// <param name="CompiledMethods">Methods the runtime compiled during the rehearsal.</param>
/// <param name="CompiledInLastRound">Methods compiled during the last round: few once the delivery path is compiled.</param>
public sealed record RehearsalOutcome(
    RehearsalState State, string Description, int Rounds = 0, int Deliveries = 0, long CompiledMethods = 0, long CompiledInLastRound = 0)
{
    public static RehearsalOutcome Off { get; } = new(RehearsalState.Off, "The live path is not rehearsed (Kvk:Live:Rehearsal:Enabled).");

    public static RehearsalOutcome Skipped(string why) => new(RehearsalState.Skipped, $"Not rehearsed: {why}");

    public static RehearsalOutcome Failed(string why) => new(RehearsalState.Failed, $"The rehearsal failed; the host serves, its first delivery slower: {why}");
}

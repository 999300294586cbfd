namespace Kvk.Graph.Tests.Support;

/// <summary>
/// The classes that measure the whole test process (its managed heap): run after the parallel classes, one at a time,
/// so that no other test's allocations are counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasures
{
    public const string Name = "process-wide measures";
}

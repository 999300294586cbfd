using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The data version an operation's mutations committed at (the highest, when it has several): one per operation, told by
/// the mutations, written into the answer's <c>extensions.kvk.committedAt</c> by the pipeline and into the
/// <see cref="DataVersion.CommittedAtHeader"/> header by an HTTP transport.
/// </summary>
public sealed class CommittedVersion
{
    private long _version = -1;

    public long? Version => Interlocked.Read(ref _version) is var version and >= 0 ? version : null;

    public void Committed(long version)
    {
        long current;
        while ((current = Interlocked.Read(ref _version)) < version && Interlocked.CompareExchange(ref _version, version, current) != current)
        {
        }
    }
}

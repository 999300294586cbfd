using System.Security.Claims;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// Where the reads of one operation go, chosen by who asks (<see cref="Choose"/>): the secretariat reads the
/// primary, so that a secretary always sees what was just recorded; everyone else reads where the host's
/// <see cref="ReadSource"/> says, the read pool (a streaming replica where one is configured, whose lag is bounded and
/// whose load keeps off the primary) unless it is gone or lags too far. One per operation (a scoped service), so that
/// an operation reads one source throughout: the pipeline chooses for every operation on every transport, and the
/// subscription strategy again for each event's own scope.
/// </summary>
public sealed class ReadRoute(ReadSource source)
{
    private bool? _fromPrimary;

    public bool FromPrimary => _fromPrimary ?? source.FromPrimary;

    public void Choose(ClaimsPrincipal? user) => _fromPrimary = user?.IsInRole(Viewer.SecretariatRole) == true || source.FromPrimary;

    /// <summary>The replica failed this operation (it could not be reached): the host reads the primary, this operation's rest included.</summary>
    /// <returns>Whether this turned the host's reads (they went to the replica until now).</returns>
    public bool ReplicaFailed(Exception failure)
    {
        _fromPrimary = true;
        return source.FallBack($"A read could not reach the replica: {failure.Message}");
    }

    /// <summary>This operation reads the primary: it asked for a data version the read pool has not replayed in time.</summary>
    public void ReadPrimary() => _fromPrimary = true;
}

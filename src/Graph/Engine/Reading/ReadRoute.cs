using System.Security.Claims;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// Where the reads of one operation go, chosen by who asks (<see cref="Choose"/>): the secretariat reads the
/// primary, so that a secretary always sees what was just recorded; everyone else reads the read pool (a
/// streaming replica where one is configured), whose lag is bounded and whose load keeps off the primary. One per
/// operation (a scoped service): the pipeline chooses for every operation on every transport, and the subscription
/// strategy again for each event's own scope.
/// </summary>
public sealed class ReadRoute
{
    public bool FromPrimary { get; private set; }

    public void Choose(ClaimsPrincipal? user) => FromPrimary = user?.IsInRole(Viewer.SecretariatRole) == true;

    /// <summary>This operation reads the primary: it asked for a data version the read pool has not replayed in time.</summary>
    public void ReadPrimary() => FromPrimary = true;
}

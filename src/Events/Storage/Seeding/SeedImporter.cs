using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Marten;
using Marten.Exceptions;

namespace Kvk.Storage.Seeding;

/// <summary>
/// Imports the published history as events, through the same rules as the secretariat's commands.
/// A round whose stream exists is left alone, so importing again (or from two hosts at once) adds nothing.
/// </summary>
public sealed class SeedImporter(IDocumentStore store, MunicipalityDirectory municipalities)
{
    public const string Actor = "seed-import";

    /// <returns>The years imported by this call.</returns>
    public async Task<IReadOnlyList<int>> ImportAsync(SeedHistory history, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ImportMissingAsync(history, cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another host imported at the same moment; what it wrote is the same history.
            return [];
        }
    }

    private async Task<IReadOnlyList<int>> ImportMissingAsync(SeedHistory history, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = Actor;
        var imported = new List<int>();
        foreach (var round in history.Rounds)
        {
            var key = AwardYear.StreamKey(round.Year);
            if (await session.Events.FetchStreamStateAsync(key, cancellationToken) is not null)
            {
                continue;
            }

            session.Events.StartStream(key, SeedRoundEvents.Of(round, municipalities));
            imported.Add(round.Year);
        }

        await session.SaveChangesAsync(cancellationToken);
        return imported;
    }
}

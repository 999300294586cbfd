using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Storage.PublicLog;
using Marten;
using Marten.Exceptions;

namespace Kvk.Storage.Seeding;

/// <summary>
/// Imports the published history as events, through the same rules as the secretariat's commands.
/// A round whose stream exists is left alone, so importing again (or from two hosts at once) adds nothing.
/// Every seeded event is named and dated by the seed, not by this install (<see cref="SeedEventIdentity"/>, the seed's
/// release date), so every install that imports one seed holds the same record and publishes the same log.
/// </summary>
public sealed class SeedImporter(IDocumentStore store, MunicipalityDirectory municipalities)
{
    public const string Actor = PublicLogActors.SeedImport;

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
        await using var chained = await ChainedSession.OpenAsync(store, Actor, cancellationToken);
        var session = chained.Session;
        var imported = new List<int>();
        foreach (var round in history.Rounds)
        {
            var key = AwardYear.StreamKey(round.Year);
            if (await session.Events.FetchStreamStateAsync(key, cancellationToken) is not null)
            {
                continue;
            }

            // The store would name and date an event only where it has no id and time of its own.
            var events = session.Events.StartStream(key, SeedRoundEvents.Of(round, municipalities)).Events;
            for (var i = 0; i < events.Count; i++)
            {
                var version = i + 1;
                events[i].Id = SeedEventIdentity.EventId(key, version);
                events[i].Timestamp = history.Released;
                if (PublicLogWriter.IsSealed(events[i].Data))
                {
                    events[i].SetHeader(PublicLogWriter.SaltHeader, SeedEventIdentity.Salt(key, version));
                }
            }

            imported.Add(round.Year);
        }

        await chained.CommitAsync(cancellationToken);
        return imported;
    }
}

using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Storage.Programmes;
using Marten;

namespace Kvk.Bench.Programmes;

/// <summary>
/// Appends synthetic programmes with PostgreSQL's COPY (Marten's bulk event insert): the events pass
/// the same rules as any round, but the inline projections do not run, so a projection rebuild must
/// follow before the store is queried (the host's <c>generate</c> command does both).
/// </summary>
public sealed class SyntheticImport(IDocumentStore store, MunicipalityDirectory municipalities)
{
    public const int RoundsPerBatch = 2000;

    /// <returns>The number of events appended (at least <paramref name="events"/>, whole rounds only).</returns>
    public async Task<long> AppendAsync(long events, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var registry = (IEventRegistry)((DocumentStore)store).Options.Events;
        var appended = 0L;
        var batch = new List<StreamAction>(RoundsPerBatch);
        var existing = await ExistingProgrammesAsync(cancellationToken);
        foreach (var synthetic in SyntheticProgrammes.Generate(municipalities).Where(r => !existing.Contains(r.Programme)))
        {
            if (appended >= events)
            {
                break;
            }

            var roundEvents = SeedRoundEvents.Of(synthetic.Round, municipalities);
            batch.Add(StreamAction.Start(registry, AwardProgramme.StreamKey(synthetic.Programme, synthetic.Round.Year), [.. roundEvents]));
            appended += roundEvents.Count;
            if (batch.Count == RoundsPerBatch)
            {
                await store.BulkInsertEventsAsync(batch, cancellation: cancellationToken);
                progress.Report(appended);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await store.BulkInsertEventsAsync(batch, cancellation: cancellationToken);
        }

        progress.Report(appended);
        return appended;
    }

    /// <summary>Programmes already in the store (a second run appends new ones instead of colliding).</summary>
    private async Task<HashSet<string>> ExistingProgrammesAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var keys = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey!.StartsWith(SyntheticProgrammes.Prefix) && e.Version == 1)
            .Select(e => e.StreamKey!)
            .ToListAsync(cancellationToken);
        return [.. keys.Select(AwardProgramme.Of)];
    }
}

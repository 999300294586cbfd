using Kvk.Events.Municipalities;
using Kvk.Events.Rounds;
using Marten;
using Marten.Exceptions;

namespace Kvk.Events.Seeding;

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

            session.Events.StartStream(key, EventsOf(round));
            imported.Add(round.Year);
        }

        await session.SaveChangesAsync(cancellationToken);
        return imported;
    }

    /// <summary>The events of a seeded round, produced by replaying the commands it implies through the rules.</summary>
    public IReadOnlyList<object> EventsOf(SeedRound seed)
    {
        var commands = new List<RoundCommand> { new OpenRound(seed.Year) };
        commands.AddRange(seed.Nominees.Select(code => new NominateMunicipality(seed.Year, code)));
        commands.Add(new CloseNominations(seed.Year));
        if (seed.Decision is { } d)
        {
            commands.Add(new RecordJuryDecision(seed.Year, d.MunicipalityCode, d.Motivation, d.RecipientName));
            if (seed.Announced)
            {
                // The sources give the year of each announcement, not the day.
                commands.Add(new AnnounceAward(seed.Year, null));
            }
        }

        Round? round = null;
        var events = new List<object>();
        foreach (var command in commands)
        {
            var outcome = RoundRules.Decide(round, command, municipalities);
            if (outcome.Refusal is { } refusal)
            {
                throw new InvalidDataException($"The seeded {seed.Year} round breaks a rule at {command.GetType().Name}: {refusal.Message}");
            }

            events.AddRange(outcome.Events);
            round = outcome.Events.Aggregate(round, Round.Evolve);
        }

        return events;
    }
}

using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;

namespace Kvk.Domain.Seeding;

/// <summary>The events of a seeded round, produced by replaying the commands it implies through the rules.</summary>
public static class SeedRoundEvents
{
    public static IReadOnlyList<object> Of(SeedRound seed, MunicipalityDirectory municipalities)
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

using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Seeding;

/// <summary>
/// The events of a seeded round, produced by replaying the commands it implies through the rules, each carrying the
/// sources the seed gives, with what the sources say of the list of nominees and the round's notes where the nominations close.
/// </summary>
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

            events.AddRange(outcome.Events.Select(e => WithSources(e, seed)));
            round = outcome.Events.Aggregate(round, Round.Evolve);
            if (command is CloseNominations)
            {
                // What the sources say of the list belongs where the list became final.
                events.AddRange(ListAndNotes(seed));
            }
        }

        return events;
    }

    // The seed's sources are published documents, not a secretary's input: they go into the events the rules decided.
    private static object WithSources(object e, SeedRound seed) => e switch
    {
        MunicipalityNominated n => n with { Sources = Supporting(seed.SourcesOf(n.MunicipalityCode), SourceSupports.Nomination) },
        JuryDecisionRecorded d when seed.Decision?.Sources is { } sources => d with { Sources = Supporting(sources, SourceSupports.Decision) },
        // The sources give the year of each announcement, not the day.
        AwardAnnounced a => a with
        {
            Sources = Supporting(seed.Decision?.Sources ?? [], SourceSupports.Announcement),
            AnnouncedOn = PartialDate.OfYear(seed.Year).Value,
        },
        _ => e,
    };

    private static IEnumerable<object> ListAndNotes(SeedRound seed)
    {
        if (seed.NomineeSources is { Count: > 0 } listSources)
        {
            yield return new NomineeListSourced(seed.Year, seed.NomineesKnown, Supporting(listSources, SourceSupports.NomineeList));
        }

        foreach (var note in seed.Notes ?? [])
        {
            yield return new RoundNoteAdded(seed.Year, note.Text, Supporting(note.Sources, SourceSupports.Note));
        }
    }

    private static IReadOnlyList<Source> Supporting(IReadOnlyList<SeedSource> sources, string supports) =>
        [.. sources.Select(s => s.Supporting(supports))];
}

using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Bench.Programmes;

/// <summary>A synthetic round: the programme it belongs to and the round as a seed.</summary>
public sealed record SyntheticRound(string Programme, SeedRound Round);

/// <summary>
/// Invented award programmes with every award year of their own (2003, 2005, … 2199): 3–7 nominees a
/// round, a decision and an announcement for all but a few. Deterministic for a seed, so that a
/// benchmark store can be rebuilt identically. For load and scale tests only; never served.
/// </summary>
public static class SyntheticProgrammes
{
    public const string Prefix = "synthetic-";

    public static IEnumerable<SyntheticRound> Generate(MunicipalityDirectory municipalities, int seed = 2003)
    {
        var random = new Random(seed);
        var years = Enumerable.Range(0, ((AwardYear.Last - AwardYear.First) / 2) + 1).Select(i => AwardYear.First + (2 * i)).ToList();
        for (var programme = 1; ; programme++)
        {
            var name = $"{Prefix}{programme:D5}";
            foreach (var year in years)
            {
                var nominees = municipalities.All.OrderBy(_ => random.Next()).Take(random.Next(3, 8)).Select(m => m.Code).ToList();
                var winner = municipalities.Find(nominees[random.Next(nominees.Count)])!;
                var decided = random.Next(20) != 0;
                var decision = decided ? new SeedDecision(winner.Code, winner.OfficialName, Motivation(random, winner)) : null;
                yield return new SyntheticRound(name, new SeedRound(year, nominees, decision, decided && random.Next(20) != 0));
            }
        }
    }

    private static readonly string[] Phrases =
    [
        "en tydlig styrning och uppföljning av verksamheterna",
        "hög kvalitet till en rimlig kostnad",
        "ett starkt engagemang hos chefer och medarbetare",
        "en aktiv dialog med invånare och företag",
        "systematiskt förbättringsarbete i hela organisationen",
        "goda resultat inom skola, vård och omsorg",
        "en god ekonomi och långsiktig planering",
        "öppenhet och delaktighet i samhällsbyggandet",
    ];

    private static string Motivation(Random random, Municipality winner) =>
        $"{winner.Name} utmärker sig genom {Phrases[random.Next(Phrases.Length)]} och {Phrases[random.Next(Phrases.Length)]}. Kommunen visar " +
            $"{Phrases[random.Next(Phrases.Length)]}.";
}

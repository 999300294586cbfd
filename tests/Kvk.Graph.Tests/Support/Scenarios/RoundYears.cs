using System.Collections.Concurrent;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Graph.Tests.Support.Scenarios;

/// <summary>
/// Hands out award years that no other test of the run records in the same database, so that a test owns its round
/// without knowing which years its neighbours took. Years are odd (the award's rule) and taken from the top of the range
/// down, above every seeded round: when next year's round joins the seed, the tests' rounds stay clear of it.
/// </summary>
public static class RoundYears
{
    /// <summary>
    /// A plausible award year that no test records: a lookup of it finds no round. Never handed out, so a test on a
    /// host shared with tests that record rounds may still name it.
    /// </summary>
    public const int NeverRecorded = AwardYear.Last;

    /// <summary>The first year above the seeded history: the lowest a test may take.</summary>
    public static readonly int Lowest = SeedHistory.Load(SeedFiles.Rounds).Rounds.Max(r => r.Year) + 2;

    private static readonly ConcurrentDictionary<string, Counter> ByDatabase = new(StringComparer.Ordinal);

    /// <summary>A year of its own in the database of <paramref name="connectionString"/>; thread-safe.</summary>
    public static int Next(string connectionString)
    {
        var taken = Interlocked.Increment(ref ByDatabase.GetOrAdd(connectionString, _ => new Counter()).Taken);
        var year = NeverRecorded - (2 * taken);
        return year >= Lowest
            ? year
            : throw new InvalidOperationException(
                $"The tests took every free award year from {Lowest} to {NeverRecorded - 2} of one database; give some of them a host of their own.");
    }

    private sealed class Counter
    {
        public int Taken;
    }
}

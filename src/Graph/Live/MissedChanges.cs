using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Awards;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;

namespace Kvk.Graph.Live;

/// <summary>
/// What a subscriber that says what it has is missing, read from the read model as the operation's reads go (a
/// public subscriber's from the replica, which has replayed every change already pushed). Awards exist only once
/// announced, and a round goes out through the same type as a live change, so the embargo holds here too. The read is
/// shared with the subscribers that want the same (<see cref="SharedCatchUpReads"/>); what only one subscriber says it
/// has is left out of the shared values for it alone.
/// </summary>
public static class MissedChanges
{
    /// <summary>
    /// The round of <paramref name="year"/> when it is newer than <paramref name="afterVersion"/>; a live change at or
    /// below that version (a notification that arrives after the subscription) is left out, as is one the read covered.
    /// </summary>
    public static CatchUp<RoundView> Round(IObservable<RoundView> live, SharedCatchUpReads reads, ReadStore store, int year, int afterVersion) => new(
        live,
        async cancellationToken =>
        {
            var round = await reads.ReadAsync($"round {year}", store, (s, c) => RoundAsync(s, year, c), r => r with { }, cancellationToken);
            return [.. round.Where(r => r.Version > afterVersion)];
        },
        (sent, round) => round.Version <= afterVersion || sent.Any(r => r.Year == round.Year && r.Version >= round.Version));

    /// <summary>
    /// Every award announced for a year after <paramref name="afterYear"/>, oldest first; a live announcement of a year
    /// the subscriber has, or the read covered, is left out.
    /// </summary>
    public static CatchUp<AwardView> Awards(IObservable<AwardView> live, SharedCatchUpReads reads, ReadStore store, int afterYear) => new(
        live,
        cancellationToken => reads.ReadAsync($"awards after {afterYear}", store, (s, c) => AwardsAsync(s, afterYear, c), a => a with { }, cancellationToken),
        (sent, award) => award.Year <= afterYear || sent.Any(a => a.Year == award.Year));

    private static Task<IReadOnlyList<RoundView>> RoundAsync(ReadStore store, int year, CancellationToken cancellationToken)
    {
        var query = new ViewQuery(ViewTables.Rounds).Where(ViewTables.MainProgramme);
        query.Where($"year = {query.Parameter(year, "int")}");
        return store.DocumentsAsync<RoundView>(query, cancellationToken);
    }

    private static Task<IReadOnlyList<AwardView>> AwardsAsync(ReadStore store, int afterYear, CancellationToken cancellationToken)
    {
        var query = new ViewQuery(ViewTables.Awards).Where(ViewTables.MainProgramme);
        query.Where($"year > {query.Parameter(afterYear, "int")}").OrderBy([new SortKey(SqlColumn.Number("year"), false)]);
        return store.DocumentsAsync<AwardView>(query, cancellationToken);
    }
}

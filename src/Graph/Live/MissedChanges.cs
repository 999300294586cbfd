using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Awards;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;

namespace Kvk.Graph.Live;

/// <summary>
/// What a subscriber that says what it has is missing, read from the read model as the operation's reads go (a
/// public subscriber's from the replica, which has replayed every change already pushed). Awards exist only once
/// announced, and a round goes out through the same type as a live change, so the embargo holds here too.
/// </summary>
public static class MissedChanges
{
    /// <summary>
    /// The round of <paramref name="year"/> when it is newer than <paramref name="afterVersion"/>; a live change at or
    /// below that version (a notification that arrives after the subscription) is left out, as is one the read covered.
    /// </summary>
    public static CatchUp<RoundView> Round(IObservable<RoundView> live, ReadStore store, int year, int afterVersion) => new(
        live,
        async cancellationToken =>
        {
            var query = new ViewQuery(ViewTables.Rounds).Where(ViewTables.MainProgramme);
            query.Where($"year = {query.Parameter(year, "int")}");
            return [.. (await store.DocumentsAsync<RoundView>(query, cancellationToken)).Where(r => r.Version > afterVersion)];
        },
        (sent, round) => round.Version <= afterVersion || sent.Any(r => r.Year == round.Year && r.Version >= round.Version));

    /// <summary>
    /// Every award announced for a year after <paramref name="afterYear"/>, oldest first; a live announcement of a year
    /// the subscriber has, or the read covered, is left out.
    /// </summary>
    public static CatchUp<AwardView> Awards(IObservable<AwardView> live, ReadStore store, int afterYear) => new(
        live,
        async cancellationToken =>
        {
            var query = new ViewQuery(ViewTables.Awards).Where(ViewTables.MainProgramme);
            query.Where($"year > {query.Parameter(afterYear, "int")}").OrderBy([new SortKey(SqlColumn.Number("year"), false)]);
            return await store.DocumentsAsync<AwardView>(query, cancellationToken);
        },
        (sent, award) => award.Year <= afterYear || sent.Any(a => a.Year == award.Year));
}

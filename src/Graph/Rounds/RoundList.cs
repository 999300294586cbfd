using Kvk.Domain.Rounds;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Nominations;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;

namespace Kvk.Graph.Rounds;

/// <summary>
/// What a round is to a list: its values and relations, each filterable and sortable as declared here. The jury's
/// decision is not among them: it is secret until the announcement, and a filter must not reveal it.
/// </summary>
public static class RoundList
{
    // Built on first use, not in the order fields are written: the entities refer to each other.
    private static readonly Lazy<Entity<RoundView>> Declared = new(Declare);
    private static readonly Lazy<ListRoot<RoundView>> DeclaredRoot = new(() => new(
        "rounds", "The award rounds, newest first unless ordered otherwise, including rounds not yet decided.", Entity, "Rounds", "rounds", ("year", true)));

    /// <summary>The round of the same programme and year as a row: an award's or a nomination's round.</summary>
    public static Lookup OfYear => new((outer, round) => $"{round}.programme = {outer}.programme and {round}.year = {outer}.year");

    public static Entity<RoundView> Entity => Declared.Value;

    public static ListRoot<RoundView> Root => DeclaredRoot.Value;

    private static Entity<RoundView> Declare() => new Entity<RoundView>(
        "Round",
        "One round of the award (one award year): its nominees, the jury's decision and the announcement.")
        .FromTable(ViewTables.Rounds, ViewTables.ServedProgramme)
        .Value("year", "The award year.", r => r.Year, ValueUse.All, column: "year")
        .Value(
            "status",
            "Where the round stands in its lifecycle.",
            r => r.Status,
            ValueUse.All,
            enumType: EnumOrder.Of<RoundStatus, RoundStatusType>("RoundStatus"))
        .Value("version", "The version of the round's event stream; send it as `expectedVersion` to guard a change.", r => (int)r.Version, ValueUse.None)
        // Custom SQL: a round that recorded nothing of its nominees is known by its status (NomineesKnownType.Of), in SQL as in C#.
        .Value(
            "nomineesKnown",
            "How much of the list of nominees is known: FULL_LIST, WINNER_ONLY (the list was not published: 2007, 2009, 2013) or NOT_PUBLISHED_YET " +
            "(nominations open).",
            ValueKind.Enum,
            NomineesKnownType.Sql,
            r => NomineesKnownType.Of(r),
            ValueUse.All,
            enumType: NomineesKnownType.Order)
        .Value(
            "recordedAt",
            "When the round's opening was recorded in Kvk: a moment of recording, not a date of the award (a seeded round was recorded when the history " +
            "was imported).",
            r => r.OpenedAt)
        .Value(
            "openedAt",
            "The same moment as `recordedAt`: when the round was opened in Kvk, a moment of recording, not a date of the award.",
            r => r.OpenedAt)
        .Many("nominees", "The standing nominees (withdrawn nominations excluded).", () => NominationList.Entity,
            (round, nomination) => $"{nomination}.programme = {round}.programme and {nomination}.year = {round}.year and " +
                $"({nomination}.data->>'withdrawnAt') is null")
        .One("award", "The award, once announced.", () => AwardList.Entity, AwardList.OfYear);
}

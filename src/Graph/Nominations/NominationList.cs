using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Storage.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Nominations;

/// <summary>What a nomination is to a list: its values and relations, each filterable and sortable as declared here.</summary>
public static class NominationList
{
    // Built on first use, not in the order fields are written: the entities refer to each other.
    private static readonly Lazy<Entity<NominationView>> Declared = new(Declare);
    private static readonly Lazy<ListRoot<NominationView>> DeclaredRoot = new(() => new(
        "nominations",
        "Every nomination of every round, including withdrawn ones; newest round first, then by municipality name, unless ordered otherwise.",
        Entity,
        "Nominations",
        "nominations",
        ("year", true),
        ("municipality.name", false)));

    public static Entity<NominationView> Entity => Declared.Value;

    public static ListRoot<NominationView> Root => DeclaredRoot.Value;

    private static Entity<NominationView> Declare() => new Entity<NominationView>("Nomination", "A municipality (kommun) nominated by the jury in a round.")
        .FromTable(ViewTables.Nominations, ViewTables.ServedProgramme)
        .Value("year", "The award year of the round.", n => n.Year, ValueUse.All, column: "year")
        .Value(
            "recordedAt",
            "When the (latest) nomination was recorded in Kvk: a moment of recording, not a date of the award (a seeded nomination was recorded when the " +
            "history was imported).",
            n => n.NominatedAt)
        .Value("nominatedAt", "The same moment as `recordedAt`: when the nomination was recorded in Kvk, not when the jury nominated.", n => n.NominatedAt)
        .Value("withdrawnAt", "When the nomination was withdrawn; null while it stands (`eq: null`: it stands).", n => n.WithdrawnAt)
        .Value("withdrawalReason", "Why the nomination was withdrawn.", n => n.WithdrawalReason, ValueUse.Filter)
        .Value("isWinner", "True when this nominee received the announced award.", n => n.IsWinner, ValueUse.All)
        .One(
            "municipality",
            "The nominated municipality.",
            () => MunicipalityList.Entity,
            MunicipalityList.CarriedAs<NominationView>(("name", n => n.MunicipalityName), ("county.code", n => n.CountyCode)))
        .One("round", "The round of the nomination.", () => RoundList.Entity, RoundList.OfYear);

}

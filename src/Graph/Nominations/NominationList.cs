using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Storage.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Nominations;

/// <summary>What a nomination is to a list: its values and relations, each filterable and sortable as declared here.</summary>
public static class NominationList
{
    public static readonly Entity<NominationView> Entity = new Entity<NominationView>("Nomination", "A municipality (kommun) nominated by the jury in a round.")
        .FromTable(ViewTables.Nominations, ViewTables.ServedProgramme)
        .Value("year", "The award year of the round.", ValueKind.Number, Sql.Column("year"), n => n.Year, ValueUse.All)
        .Value("recordedAt", "When the (latest) nomination was recorded in Kvk: a moment of recording, not a date of the award (a seeded nomination was recorded when the history was imported).", ValueKind.Timestamp, Sql.Timestamp("nominatedAt"), n => n.NominatedAt)
        .Value("nominatedAt", "The same moment as `recordedAt`: when the nomination was recorded in Kvk, not when the jury nominated.", ValueKind.Timestamp, Sql.Timestamp("nominatedAt"), n => n.NominatedAt)
        .Value("withdrawnAt", "When the nomination was withdrawn; null while it stands (`eq: null`: it stands).", ValueKind.Timestamp, Sql.Timestamp("withdrawnAt"), n => n.WithdrawnAt, nullable: true)
        .Value("withdrawalReason", "Why the nomination was withdrawn.", ValueKind.Text, Sql.Text("withdrawalReason"), n => n.WithdrawalReason, ValueUse.Filter, nullable: true)
        .Value("isWinner", "True when this nominee received the announced award.", ValueKind.Boolean, Sql.Boolean("isWinner"), n => n.IsWinner, ValueUse.All)
        .One("municipality", "The nominated municipality.", () => MunicipalityList.Entity, MunicipalityList.CarriedAs(("name", "municipalityName"), ("county.code", "countyCode")))
        .One("round", "The round of the nomination.", () => RoundList.Entity, RoundList.OfYear);

    public static readonly ListRoot<NominationView> Root = new(
        "nominations",
        "Every nomination of every round, including withdrawn ones; newest round first, then by municipality name, unless ordered otherwise.",
        Entity,
        "Nominations",
        "nominations",
        ("year", true),
        ("municipality.name", false));
}

using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Store;

namespace Kvk.Graph.Awards;

/// <summary>What an award is to a list: its values and relations, each filterable and sortable as declared here.</summary>
public static class AwardList
{
    // Relations first: the entities refer to each other's, and static fields are set in the order they are written.
    /// <summary>The announced awards of the same programme and year as a row: a round's award.</summary>
    public static readonly Lookup OfYear = new((outer, award) => $"{award}.programme = {outer}.programme and {award}.year = {outer}.year");

    public static readonly Entity<AwardView> Entity = new Entity<AwardView>("Award", "An announced award of Utmärkelsen Sveriges KvalitetsKommun: one per announced round.")
        .FromTable(ViewTables.Awards, ViewTables.ServedProgramme)
        .Value("year", "The award year (an odd year from 2003).", ValueKind.Number, Sql.Column("year"), a => a.Year, ValueUse.All)
        .Value("recipientName", "The recipient as named in the announcement, e.g. \"Helsingborgs stad\".", ValueKind.Text, Sql.Text("recipientName"), a => a.RecipientName)
        .Value("motivation", "The jury's motivation (motivering), verbatim; the current text where it was corrected. `contains` finds a phrase, case-sensitively; for word search with Swedish stemming use `search`.", ValueKind.Text, Sql.Text("motivation"), a => a.Motivation, ValueUse.Filter)
        .Value("announcedAt", "When the award was announced, where the sources give the moment; null otherwise (see `announcedOn` for the date as precise as known).", ValueKind.Timestamp, Sql.Timestamp("announcedAt"), a => a.AnnouncedAt, nullable: true)
        .Value("recordedAt", "When the announcement was recorded in Kvk: a moment of recording, not a date of the award (a seeded award was recorded when the history was imported).", ValueKind.Timestamp, Sql.Timestamp("recordedAt"), a => a.RecordedAt)
        .One("municipality", "The municipality (kommun) that received the award.", () => MunicipalityList.Entity,
            MunicipalityList.CarriedAs(("name", "municipalityName"), ("county.code", "countyCode"), ("county.name", "countyName")))
        .One("round", "The round the award concluded, with its nominees and history.", () => RoundList.Entity, RoundList.OfYear);

    public static readonly ListRoot<AwardView> Root = new(
        "awards", "The announced awards, newest first unless ordered otherwise.", Entity, "Awards", "awards", ("year", true));

}

using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Store;

namespace Kvk.Graph.Awards;

/// <summary>What an award is to a list: its values and relations, each filterable and sortable as declared here.</summary>
public static class AwardList
{
    // Built on first use, not in the order fields are written: the entities refer to each other.
    private static readonly Lazy<Entity<AwardView>> Declared = new(Declare);
    private static readonly Lazy<ListRoot<AwardView>> DeclaredRoot = new(() => new(
        "awards", "The announced awards, newest first unless ordered otherwise.", Entity, "Awards", "awards", ("year", true)));

    /// <summary>The announced awards of the same programme and year as a row: a round's award.</summary>
    public static Lookup OfYear => new((outer, award) => $"{award}.programme = {outer}.programme and {award}.year = {outer}.year");

    public static Entity<AwardView> Entity => Declared.Value;

    public static ListRoot<AwardView> Root => DeclaredRoot.Value;

    private static Entity<AwardView> Declare() => new Entity<AwardView>(
        "Award",
        "An announced award of Utmärkelsen Sveriges KvalitetsKommun: one per announced round.")
        .FromTable(ViewTables.Awards, ViewTables.ServedProgramme)
        .Value("year", "The award year (an odd year from 2003).", a => a.Year, ValueUse.All, column: "year")
        .Value("recipientName", "The recipient as named in the announcement, e.g. \"Helsingborgs stad\".", a => a.RecipientName)
        .Value(
            "motivation",
            "The jury's motivation (motivering), verbatim; the current text where it was corrected. `contains` finds a phrase, case-sensitively; for word " +
            "search with Swedish stemming use `search`.",
            a => a.Motivation,
            ValueUse.Filter)
        .Value(
            "announcedAt",
            "When the award was announced, where the sources give the moment; null otherwise (see `announcedOn` for the date as precise as known).",
            a => a.AnnouncedAt)
        .Value(
            "recordedAt",
            "When the announcement was recorded in Kvk: a moment of recording, not a date of the award (a seeded award was recorded when the history was " +
            "imported).",
            a => a.RecordedAt)
        .One("municipality", "The municipality (kommun) that received the award.", () => MunicipalityList.Entity,
            MunicipalityList.CarriedAs<AwardView>(("name", a => a.MunicipalityName), ("county.code", a => a.CountyCode), ("county.name", a => a.CountyName)))
        .One("round", "The round the award concluded, with its nominees and history.", () => RoundList.Entity, RoundList.OfYear);
}

using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Municipalities;

/// <summary>What a municipality and its county are to a list: their values and relations, each filterable and sortable as declared here.</summary>
public static class MunicipalityList
{
    public static readonly Entity<County> County = new Entity<County>("County", "A Swedish county (län), one of 21.")
        .Value("code", "The official 2-digit county code (länskod), as text: " +
            "\"01\" is Stockholms län.", ValueKind.Text, Sql.Member("code"), c => c.Code, ValueUse.All)
        .Value("name", "The full name of the county, e.g. \"Skåne län\".", ValueKind.Text, Sql.Member("name"), c => c.Name, ValueUse.All)
        .Value("shortName", "The short name of the county, e.g. \"Skåne\".", ValueKind.Text, Sql.Member("shortName"), c => c.ShortName)
        .Value("wikidataId", "The county's Wikidata item, e.g. \"Q104231\" for Stockholms " +
            "län (Wikidata, CC0).", ValueKind.Text, Sql.Member("wikidataId"), c => c.WikidataId, ValueUse.All, nullable: true);

    public static readonly Entity<Population> Population = new Entity<Population>("Population", "A population figure with its date and source.")
        .Value("count", "The number of inhabitants.", ValueKind.Number, source => $"(({source}->>'count')::int)", p => p.Count, ValueUse.All)
        .Value("date", "The date of the count, e.g. \"2018-12-31\": always " +
            "read the figure with it.", ValueKind.Text, Sql.Member("date"), p => p.Date, ValueUse.Filter)
        .Value("source", "Where the figure comes from.", ValueKind.Text, Sql.Member("source"), p => p.Source, ValueUse.None);

    public static readonly Entity<Municipality> Entity = new Entity<Municipality>("Municipality", "A Swedish municipality (kommun), one of 290.")
        .FromTable(ViewTables.Municipalities)
        .Value("code", "The official 4-digit municipality code (kommunkod), as text: " +
            "\"0180\" is Stockholm.", ValueKind.Text, Sql.Column("id"), m => m.Code, ValueUse.All)
        .Value("name", "The short name of the municipality, e.g. \"Stockholm\".", ValueKind.Text, Sql.Text("name"), m => m.Name, ValueUse.All)
        .Value("officialName", "The official name of the municipality, e.g. " +
            "\"Stockholms kommun\".", ValueKind.Text, Sql.Text("officialName"), m => m.OfficialName)
        .Value("wikidataId", "The municipality's Wikidata item, e.g. \"Q506250\" for Stockholm (Wikidata, CC0; 0128 Salem: " +
            "see seeds/SOURCES.md).", ValueKind.Text, Sql.Text("wikidataId"), m => m.WikidataId, ValueUse.All, nullable: true)
        .Value("municipalityGroup", "SKR's municipality group (kommungrupp, 2023 revision), e.g. \"A1\" for the large " +
            "cities (source: SKR).", ValueKind.Text, Sql.Text("municipalityGroup"), m => m.MunicipalityGroup, ValueUse.All, nullable: true)
        .One("county", "The county (län) the municipality belongs to.", () => County, new Embedded(Sql.Json("county")))
        .One(
            "population",
            "The population on 2018-12-31 (SCB), the latest per-municipality figure available here.",
            () => Population,
            new Embedded(Sql.Json("population")))
        .Many("awards", "The awards the municipality has received.", () => AwardList.Entity, (municipality, award) =>
            $"{award}.municipality_code = {municipality}.id")
        .Many("nominations", "The municipality's nominations, withdrawn ones included.", () => NominationList.Entity, (municipality, nomination) =>
            $"{nomination}.municipality_code = {municipality}.id");

    public static readonly ListRoot<Municipality> Root = new(
        "municipalities", "The 290 municipalities (kommuner) of Sweden, by code unless ordered otherwise.", Entity, "Municipalities", "municipalities", (
            "code",
            false));

    /// <summary>
    /// The municipality of a document that holds its code (<c>municipality_code</c>), with the paths of the municipality
    /// the document carries itself (path → the member of the document's JSON): those are read without a subquery.
    /// </summary>
    public static Lookup CarriedAs(params (string Path, string Member)[] carried) =>
        new((outer, municipality) => $"{municipality}.id = " +
            $"{outer}.municipality_code", carried.ToDictionary(c => c.Path, c => Sql.Text(c.Member), StringComparer.Ordinal));
}

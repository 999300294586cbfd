using System.Linq.Expressions;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Municipalities;

/// <summary>What a municipality and its county are to a list: their values and relations, each filterable and sortable as declared here.</summary>
public static class MunicipalityList
{
    // Built on first use, not in the order fields are written: the entities refer to each other.
    private static readonly Lazy<Entity<County>> DeclaredCounty = new(DeclareCounty);
    private static readonly Lazy<Entity<Population>> DeclaredPopulation = new(DeclarePopulation);
    private static readonly Lazy<Entity<Municipality>> Declared = new(Declare);
    private static readonly Lazy<ListRoot<Municipality>> DeclaredRoot = new(() => new(
        "municipalities",
        "The 290 municipalities (kommuner) of Sweden, by code unless ordered otherwise.",
        Entity,
        "Municipalities",
        "municipalities",
        ("code", false)));

    public static Entity<County> County => DeclaredCounty.Value;

    public static Entity<Population> Population => DeclaredPopulation.Value;

    public static Entity<Municipality> Entity => Declared.Value;

    public static ListRoot<Municipality> Root => DeclaredRoot.Value;

    private static Entity<County> DeclareCounty() => new Entity<County>("County", "A Swedish county (län), one of 21.")
        .Value("code", "The official 2-digit county code (länskod), as text: \"01\" is Stockholms län.", c => c.Code, ValueUse.All)
        .Value("name", "The full name of the county, e.g. \"Skåne län\".", c => c.Name, ValueUse.All)
        .Value("shortName", "The short name of the county, e.g. \"Skåne\".", c => c.ShortName)
        .Value("wikidataId", "The county's Wikidata item, e.g. \"Q104231\" for Stockholms län (Wikidata, CC0).", c => c.WikidataId, ValueUse.All);

    private static Entity<Population> DeclarePopulation() => new Entity<Population>("Population", "A population figure with its date and source.")
        .Value("count", "The number of inhabitants.", p => p.Count, ValueUse.All)
        .Value("date", "The date of the count, e.g. \"2018-12-31\": always read the figure with it.", p => p.Date, ValueUse.Filter)
        .Value("source", "Where the figure comes from.", p => p.Source, ValueUse.None);

    private static Entity<Municipality> Declare() => new Entity<Municipality>("Municipality", "A Swedish municipality (kommun), one of 290.")
        .FromTable(ViewTables.Municipalities)
        .Value("code", "The official 4-digit municipality code (kommunkod), as text: \"0180\" is Stockholm.", m => m.Code, ValueUse.All, column: "id")
        .Value("name", "The short name of the municipality, e.g. \"Stockholm\".", m => m.Name, ValueUse.All)
        .Value("officialName", "The official name of the municipality, e.g. \"Stockholms kommun\".", m => m.OfficialName)
        .Value(
            "wikidataId",
            "The municipality's Wikidata item, e.g. \"Q506250\" for Stockholm (Wikidata, CC0; 0128 Salem: see seeds/SOURCES.md).",
            m => m.WikidataId,
            ValueUse.All)
        .Value(
            "municipalityGroup",
            "SKR's municipality group (kommungrupp, 2023 revision), e.g. \"A1\" for the large cities (source: SKR).",
            m => m.MunicipalityGroup,
            ValueUse.All)
        .One("county", "The county (län) the municipality belongs to.", () => County, new Embedded(Sql.Embedded<Municipality, County>(m => m.County)))
        .One(
            "population",
            "The population on 2018-12-31 (SCB), the latest per-municipality figure available here.",
            () => Population,
            new Embedded(Sql.Embedded<Municipality, Population?>(m => m.Population)))
        .Many(
            "awards",
            "The awards the municipality has received.",
            () => AwardList.Entity,
            (municipality, award) => $"{award}.municipality_code = {municipality}.id")
        .Many(
            "nominations",
            "The municipality's nominations, withdrawn ones included.",
            () => NominationList.Entity,
            (municipality, nomination) => $"{nomination}.municipality_code = {municipality}.id");

    /// <summary>
    /// The municipality of a document that holds its code (<c>municipality_code</c>), with the paths of the municipality
    /// the document carries itself (path → the document's member): those are read without a subquery.
    /// </summary>
    public static Lookup CarriedAs<TDoc>(params (string Path, Expression<Func<TDoc, string>> Member)[] carried) =>
        new(
            (outer, municipality) => $"{municipality}.id = {outer}.municipality_code",
            carried.ToDictionary(c => c.Path, c => Sql.Member(c.Member), StringComparer.Ordinal));
}

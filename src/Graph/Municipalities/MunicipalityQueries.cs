using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Nominations;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Storage.Municipalities;

namespace Kvk.Graph.Municipalities;

public static class MunicipalityQueries
{
    /// <summary>What a municipality list can be sorted by, as SQL over the municipality documents.</summary>
    public static readonly IReadOnlyDictionary<string, SqlColumn> Columns = new Dictionary<string, SqlColumn>
    {
        ["code"] = SqlColumn.Text("id"),
        ["name"] = SqlColumn.JsonText("name"),
        ["county.code"] = SqlColumn.Text("(data->'county'->>'code')"),
        ["county.name"] = SqlColumn.Text("(data->'county'->>'name')"),
    };

    /// <summary>What a municipality list can be filtered by, as SQL over the municipality documents.</summary>
    public static readonly IReadOnlyDictionary<string, FilterTarget> Filters = new Dictionary<string, FilterTarget>
    {
        ["code"] = Columns["code"],
        ["name"] = Columns["name"],
        ["officialName"] = SqlColumn.JsonText("officialName"),
        ["county.code"] = Columns["county.code"],
        ["county.name"] = Columns["county.name"],
        ["county.shortName"] = SqlColumn.Text("(data->'county'->>'shortName')"),
        ["awards"] = new ListFilter(DocumentTables.Awards, $"{DocumentTables.MainProgramme} and municipality_code = {DocumentTables.Municipalities}.id", AwardQueries.Filters),
        ["nominations"] = new ListFilter(DocumentTables.Nominations, $"{DocumentTables.MainProgramme} and municipality_code = {DocumentTables.Municipalities}.id", NominationQueries.Filters),
    };

    public static void AddMunicipalityQueries(this ObjectGraphType query, MunicipalityDirectory directory)
    {
        query.AddListField<MunicipalitiesConnectionType, MunicipalityFilterInputType, MunicipalitySortInputType, Municipality>(
            "municipalities",
            "The 290 municipalities (kommuner) of Sweden, by code unless ordered otherwise.",
            "municipalities",
            new ListDefinition(() => new DocumentQuery(DocumentTables.Municipalities), Filters, Columns, [new SortKey(Columns["code"], false)]));
        query.Field<MunicipalityType>("municipality")
            .Description("One municipality by its 4-digit code, e.g. \"0180\" for Stockholm.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 4-digit municipality code.")
            .Resolve(c => directory.Find(c.GetArgument<string>("code")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountyType>>>>("counties")
            .Description("The 21 counties (län) of Sweden, by code.")
            .Resolve(_ => directory.Counties);
        query.Field<CountyType>("county")
            .Description("One county by its 2-digit code, e.g. \"12\" for Skåne län.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The official 2-digit county code.")
            .Resolve(c => directory.FindCounty(c.GetArgument<string>("code")));
    }
}

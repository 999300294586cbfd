using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Storage.Nominations;

namespace Kvk.Graph.Nominations;

public static class NominationQueries
{
    /// <summary>What a nomination list can be sorted by, as SQL over the nomination documents.</summary>
    public static readonly IReadOnlyDictionary<string, SqlColumn> Columns = new Dictionary<string, SqlColumn>
    {
        ["year"] = SqlColumn.Number("year"),
        ["nominatedAt"] = SqlColumn.JsonTimestamp("nominatedAt"),
        ["municipality.code"] = SqlColumn.Text("municipality_code"),
        ["municipality.name"] = SqlColumn.JsonText("municipalityName"),
        ["municipality.county.code"] = SqlColumn.JsonText("countyCode"),
    };

    /// <summary>What a nomination list can be filtered by, as SQL over the nomination documents.</summary>
    public static readonly IReadOnlyDictionary<string, FilterTarget> Filters = new Dictionary<string, FilterTarget>(MunicipalityColumns.Of(DocumentTables.Nominations, new Dictionary<string, SqlColumn>
    {
        ["municipality.name"] = Columns["municipality.name"],
        ["municipality.county.code"] = Columns["municipality.county.code"],
    }))
    {
        ["year"] = Columns["year"],
        ["nominatedAt"] = Columns["nominatedAt"],
        ["withdrawnAt"] = SqlColumn.JsonTimestamp("withdrawnAt"),
        ["isWinner"] = SqlColumn.JsonBoolean("isWinner"),
    };

    public static void AddNominationQueries(this ObjectGraphType query)
    {
        query.AddListField<NominationsConnectionType, NominationFilterInputType, NominationSortInputType, NominationView>(
            "nominations",
            "Every nomination of every round, including withdrawn ones; newest round first, then by municipality name, unless ordered otherwise.",
            "nominations",
            new ListDefinition(() => DocumentTables.Query(DocumentTables.Nominations), Filters, Columns, [new SortKey(Columns["year"], true), new SortKey(Columns["municipality.name"], false)]));
    }
}

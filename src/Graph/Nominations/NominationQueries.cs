using GraphQL;
using GraphQL.Types;
using Kvk.Events.Nominations;
using Kvk.Graph.Municipalities;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Graph.Schema.Filtering;
using Kvk.Graph.Schema.Paging;
using Kvk.Graph.Schema.Sorting;

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
        query.Field<NonNullGraphType<NominationsConnectionType>>("nominations")
            .Description("Every nomination of every round, including withdrawn ones; newest round first, then by municipality name, unless ordered otherwise.")
            .Paged()
            .Argument<NominationFilterInputType>("where", "Only the nominations that meet these conditions.")
            .Argument<ListGraphType<NonNullGraphType<NominationSortInputType>>>("order", "The sort order; the first entry sorts first.")
            .ResolveAsync(async c =>
            {
                var query = DocumentTables.Query(DocumentTables.Nominations)
                    .Filter(c.GetArgument<object?>("where"), Filters)
                    .OrderBy(SortOrder.Parse(c.GetArgument<object?>("order"), Columns, [new SortKey(Columns["year"], true), new SortKey(Columns["municipality.name"], false)]));
                return await Pager.PageAsync<NominationView>(c.ReadStore(), query, PageArguments.From(c), c.CancellationToken);
            });
    }
}

using GraphQL;
using GraphQL.Types;
using Kvk.Events.Nominations;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
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

    public static void AddNominationQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<NominationsConnectionType>>("nominations")
            .Description("Every nomination of every round, including withdrawn ones; newest round first, then by municipality name, unless ordered otherwise.")
            .Paged()
            .Argument<ListGraphType<NonNullGraphType<NominationSortInputType>>>("order", "The sort order; the first entry sorts first.")
            .ResolveAsync(async c =>
            {
                var query = new DocumentQuery(DocumentTables.Nominations)
                    .OrderBy(SortOrder.Parse(c.GetArgument<object?>("order"), Columns, [new SortKey(Columns["year"], true), new SortKey(Columns["municipality.name"], false)]));
                return await Pager.PageAsync<NominationView>(c.ReadStore(), query, PageArguments.From(c), c.CancellationToken);
            });
    }
}

using GraphQL;
using GraphQL.Types;
using Kvk.Events.Rounds;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Graph.Schema.Paging;
using Kvk.Graph.Schema.Sorting;

namespace Kvk.Graph.Rounds;

public static class RoundQueries
{
    /// <summary>What a round list can be sorted by, as SQL over the round documents.</summary>
    public static readonly IReadOnlyDictionary<string, SqlColumn> Columns = new Dictionary<string, SqlColumn>
    {
        ["year"] = SqlColumn.Number("year"),
        ["status"] = SqlColumn.JsonText("status"),
    };

    public static void AddRoundQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<RoundsConnectionType>>("rounds")
            .Description("The award rounds, newest first unless ordered otherwise, including rounds not yet decided.")
            .Paged()
            .Argument<ListGraphType<NonNullGraphType<RoundSortInputType>>>("order", "The sort order; the first entry sorts first.")
            .ResolveAsync(async c =>
            {
                var query = new DocumentQuery(DocumentTables.Rounds)
                    .OrderBy(SortOrder.Parse(c.GetArgument<object?>("order"), Columns, [new SortKey(Columns["year"], true)]));
                return await Pager.PageAsync<RoundView>(c.ReadStore(), query, PageArguments.From(c), c.CancellationToken);
            });
        query.Field<RoundType>("round")
            .Description("The round of one award year; null when there is none.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2025.")
            .Resolve(c => c.Loaders().RoundByYear.Load(c.GetArgument<int>("year")));
    }
}

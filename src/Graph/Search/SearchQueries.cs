using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Kvk.Events.Awards;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Graph.Schema.Paging;
using SortKey = Kvk.Graph.ReadModel.SortKey;

namespace Kvk.Graph.Search;

/// <summary>Full-text search in the jury's motivations with PostgreSQL's Swedish configuration (stemming: "styrning" finds "styrningen").</summary>
public static class SearchQueries
{
    public const int MaxTextLength = 200;

    /// <summary>The awards with their stored motivation vectors (<see cref="AwardSearchIndex"/>).</summary>
    private const string AwardsWithVectors = $"{DocumentTables.Awards} join {AwardSearchIndex.Table} using (id)";

    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<SearchConnectionType>>("search")
            .Description("Searches the announced awards' motivations (motivering) in Swedish: words match their inflections, \"quoted phrases\" match in order, -word excludes, `or` offers alternatives. Best match first.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "What to search for, e.g. \"styrning\" or \"\\\"hög kvalitet\\\" -omsorg\".")
            .Paged()
            .ResolveAsync(async c =>
            {
                var text = c.GetArgument<string>("text").Trim();
                if (text.Length is 0 or > MaxTextLength)
                {
                    throw new ExecutionError($"The search text must have 1 to {MaxTextLength} characters.") { Code = "INVALID_SEARCH" };
                }

                var documentQuery = DocumentTables.Query(AwardsWithVectors);
                var terms = $"websearch_to_tsquery('swedish'::regconfig, {documentQuery.Parameter(text, "text")})";
                var rank = $"ts_rank({AwardSearchIndex.Vector}, {terms})";
                documentQuery
                    .Where($"{AwardSearchIndex.Vector} @@ {terms}")
                    .Select($"ts_headline('swedish'::regconfig, data->>'motivation', {terms}, 'StartSel=<mark>, StopSel=</mark>, MinWords=10, MaxWords=30, MaxFragments=2, FragmentDelimiter=\" … \"')")
                    .Select(rank)
                    .OrderBy([new SortKey(new SqlColumn(rank, "real"), true), new SortKey(SqlColumn.Number("year"), true)]);
                return await Pager.PageAsync<AwardView, SearchHit>(
                    c.ReadStore(),
                    documentQuery,
                    PageArguments.From(c),
                    (award, values) => new SearchHit(award, values[0] ?? "", double.Parse(values[1]!, CultureInfo.InvariantCulture)),
                    c.CancellationToken);
            });
    }
}

using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Storage.Awards;
using Kvk.Storage.Store;
using SortKey = Kvk.Graph.Engine.Reading.SortKey;

namespace Kvk.Graph.Search;

/// <summary>Full-text search in the jury's motivations with PostgreSQL's Swedish configuration (stemming: "styrning" finds "styrningen").</summary>
public static class SearchQueries
{
    public const int MaxTextLength = 200;

    /// <summary>The search's connection type (and "SearchEdge"), made like every list's.</summary>
    public const string ConnectionName = "SearchConnection";

    public static void RegisterSearchTypes(this GraphQL.Types.ISchema schema)
    {
        var (connection, edge) = ConnectionTypes.Create("Search", "SearchHit", "search hits, best first");
        schema.RegisterType(connection);
        schema.RegisterType(edge);
        schema.RegisterType(typeof(SearchHitType));
    }

    public static void AddSearchQueries(this ObjectGraphType query)
    {
        query.Field("search", new NonNullGraphType(new GraphQLTypeReference(ConnectionName)))
            .Description($"Searches the announced awards' motivations (motivering) in Swedish, best match first. The text (1 to {MaxTextLength} characters) " +
                "is terms separated by spaces: "
                + "a word matches its inflections (`styrning` finds \"styrningen\"); "
                + "a word of letters and digits ending in `*` matches every word it starts (`medborg*`: \"medborgare\", \"medborgerligt\"); "
                + "\"quoted words\" match as a phrase, in that order (also written ”…”, “…” or „…“); "
                + "`-` just before a word, prefix or phrase excludes it (`-omsorg`); "
                + "`or` between two terms matches either. Terms next to each other must all match and `or` binds only its neighbours: `a b or c` is a and (b " +
                    "or c); there are no parentheses. "
                + "What is not a term is left out, never an error: punctuation standing alone, a lone `-`, `*` or `or`, a quote left open (it runs to the " +
                    "end), and Swedish stop words (och, att, …); a text with no term left finds nothing.")
            .Argument<NonNullGraphType<StringGraphType>>("text", "What to search for, e.g. \"styrning\", \"medborg* or invånare\" or \"\\\"hög " +
                "kvalitet\\\" -omsorg\".")
            .Paged()
            .ResolveAsync(async c =>
            {
                var text = c.GetArgument<string>("text").Trim();
                if (text.Length is 0 or > MaxTextLength)
                {
                    throw new ExecutionError($"The search text must have 1 to {MaxTextLength} characters.") { Code = "INVALID_SEARCH" };
                }

                // The query is parsed once per statement, not once per row: a plan kept for every text cannot fold it.
                // The awards with their stored motivation vectors (AwardSearchIndex).
                var documentQuery = new ViewQuery(ViewTables.Awards).Where(ViewTables.MainProgramme).Join($"join {AwardSearchIndex.Table} using (id)");
                documentQuery.Join($"cross join {SearchTerms.Sql(documentQuery, text)} terms");
                const string terms = "terms";
                var rank = $"ts_rank({AwardSearchIndex.Vector}, {terms})";
                documentQuery
                    .Where($"{AwardSearchIndex.Vector} @@ {terms}")
                    .Select(terms)
                    .Select(rank)
                    .OrderBy([new SortKey(new SqlColumn(rank, "real"), true), new SortKey(SqlColumn.Number("year"), true)]);

                // Every row carries the same query; its lexemes are read once per page.
                IReadOnlySet<string>? matching = null;
                return await Pager.PageAsync<AwardView, SearchHit>(
                    c.ReadStore(),
                    documentQuery,
                    PageArguments.From(c),
                    (award, values) => new SearchHit(
                        award,
                        matching ??= Excerpt.Lexemes(values[0] ?? ""),
                        double.Parse(values[1]!, CultureInfo.InvariantCulture)),
                    c.CancellationToken);
            });
    }
}

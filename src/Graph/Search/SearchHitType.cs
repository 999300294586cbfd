using GraphQL.Types;
using Kvk.Graph.Awards;

namespace Kvk.Graph.Search;

public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "An award whose motivation (motivering) matches a search.";
        Field<NonNullGraphType<AwardType>>("award").Description("The matching award.").Resolve(c => c.Source.Award);
        Field(x => x.Excerpt).Description("The passages of the motivation that match, plain text with each matched word wrapped in <mark> and </mark>.");
        Field(x => x.Rank).Description("How well the motivation matches (PostgreSQL's ts_rank); higher is better.");
    }
}

public sealed class SearchConnectionType() : Schema.Paging.ConnectionGraphType<SearchHitType, SearchEdgeType, SearchHit>("Search", "search hits, best first");

public sealed class SearchEdgeType() : Schema.Paging.EdgeGraphType<SearchHitType, SearchHit>("Search");

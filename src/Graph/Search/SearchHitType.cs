using GraphQL.Types;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Search;

public sealed class SearchHitType : ObjectGraphType<SearchHit>
{
    public SearchHitType()
    {
        Name = "SearchHit";
        Description = "An award whose motivation (motivering) matches a search.";
        Field<NonNullGraphType<AwardType>>("award").Description("The matching award.").Resolve(c => c.Source.Award);
        Field<NonNullGraphType<StringGraphType>>("excerpt").Description("The passages of the motivation that match, plain text with each matched word " +
            "wrapped in <mark> and </mark>.")
            .Resolve(c => c.Load(MotivationWords.Parsed, c.Source.Award.Motivation)
                .Then(parsed => Excerpt.Build(parsed, c.Source.Matching)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("passages").Description(
            "Every passage of the motivation with a matched word, in order (`excerpt` shows at most the first two), each matched word wrapped " +
            "in <mark> and </mark>.")
            .Resolve(c => c.Load(MotivationWords.Parsed, c.Source.Award.Motivation)
                .Then(parsed => Excerpt.Passages(parsed, c.Source.Matching)));
        Field(x => x.Rank).Description("How well the motivation matches (PostgreSQL's ts_rank); higher is better.");
    }
}

using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Lookups;

namespace Kvk.Graph.Awards;

public static class AwardQueries
{
    public static void AddAwardQueries(this ObjectGraphType query)
    {
        AwardList.Root.AddTo(query);
        query.Field<AwardType>("award")
            .Description("The award of one year; null when that year's award has not been announced, an `INVALID_INPUT` error when the year is not four digits.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2023.")
            .Resolve(c => c.Load(AwardLoaders.ByYear, LookupArguments.Year(c.GetArgument<int>("year"))));
    }
}

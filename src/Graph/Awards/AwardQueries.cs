using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Awards;

public static class AwardQueries
{
    public static void AddAwardQueries(this ObjectGraphType query)
    {
        AwardList.Root.AddTo(query);
        query.Field<AwardType>("award")
            .Description("The award of one year; null when that year's award has not been announced.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2023.")
            .Resolve(c => c.Load(AwardLoaders.ByYear, c.GetArgument<int>("year")));
    }
}

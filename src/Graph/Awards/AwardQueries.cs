using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Lookups;
using Kvk.Graph.Rounds;

namespace Kvk.Graph.Awards;

public static class AwardQueries
{
    public static void AddAwardQueries(this ObjectGraphType query)
    {
        AwardList.Root.AddTo(query);
        query.Field<AwardType>("award")
            .Description("The award of one year; null when that year's award has not been announced (`extensions.lookups` says why), an `INVALID_INPUT` error when the year is not four digits.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2023.")
            .ResolveAsync(async c =>
            {
                var year = LookupArguments.Year(c.GetArgument<int>("year"));
                if (await c.Load(AwardLoaders.ByYear, year).GetResultAsync(c.CancellationToken) is { } award)
                {
                    return award;
                }

                // Only a null asks for the round: whether it is recorded tells "not announced yet" from "no such award".
                var round = await c.Load(RoundLoaders.ByYear, year).GetResultAsync(c.CancellationToken);
                var (code, message) = LookupNotes.NoAward(year, round is not null);
                c.Explain(code, message);
                return null;
            });
    }
}

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
            .Description("The award of one year; null when that year's award has not been announced (`extensions.lookups` says why), an `INVALID_INPUT` " +
                "error when the year is not four digits.")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2023.")
            .Resolve(c =>
            {
                var year = LookupArguments.Year(c.GetArgument<int>("year"));
                // Both keys join their level's batches; the round's is fetched only if an award is missing, where
                // whether its round is recorded tells "not announced yet" from "no such award".
                var round = c.Load(RoundLoaders.ByYear, year);
                return c.Load(AwardLoaders.ByYear, year).ThenAsync(async (award, ct) =>
                {
                    if (award is null)
                    {
                        var (code, message) = LookupNotes.NoAward(year, await round.GetResultAsync(ct) is not null);
                        c.Explain(code, message);
                    }

                    return award;
                });
            });
    }
}

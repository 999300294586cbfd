using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Lookups;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

public static class RoundQueries
{
    public static void AddRoundQueries(this ObjectGraphType query)
    {
        RoundList.Root.AddTo(query);
        query.Field<RoundType>("round")
            .Description("The round of one award year (an `INVALID_INPUT` error when the year is not four digits); null when there is none " +
                "(`extensions.lookups` says why; or, with `version`, when it did not exist yet; with `asOf` before its recording, the error NOT_YET_RECORDED).")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2025.")
            .Argument<DateTimeType>("asOf", "Time travel by the clock of recording: the round as it stood in Kvk at this moment, folded from its events. A " +
                "moment before the round was recorded is answered with the error NOT_YET_RECORDED (the seeded history is recorded at the seed's release " +
                "date, not in its award years).")
            .Argument<IntGraphType>("version", "Time travel: the round as it stood at this version of its event stream (1 is the opening).")
            .ResolveAsync(async c =>
            {
                var year = LookupArguments.Year(c.GetArgument<int>("year"));
                var asOf = c.GetArgument<DateTimeOffset?>("asOf");
                var version = c.GetArgument<int?>("version");
                if (asOf is null && version is null)
                {
                    return await c.Load(RoundLoaders.ByYear, year).GetResultAsync(c.CancellationToken) ?? NoRound(c, year);
                }

                if (asOf is not null && version is not null)
                {
                    throw new ExecutionError("Pass `asOf` or `version`, not both.") { Code = "INVALID_TIME_TRAVEL" };
                }

                if (version < 1)
                {
                    throw new ExecutionError("`version` starts at 1, the opening of the round.") { Code = "INVALID_TIME_TRAVEL" };
                }

                await using var routed = await RoutedSession.OpenAsync(c.RequestServices!, c.CancellationToken);
                if (await RoundTimeTravel.AsOfAsync(routed.Session, c.Service<MunicipalityDirectory>(), year, version, asOf, c.CancellationToken) is { } past)
                {
                    return c.Service<PastRounds>().Remember(past);
                }

                // A round recorded later than `asOf` existed then in the world, not in Kvk: say so rather than a bare null.
                if (asOf is { } moment && await c.Load(RoundLoaders.ByYear, year).GetResultAsync(c.CancellationToken) is { } now)
                {
                    throw new ExecutionError(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"The {year} round was first recorded in Kvk at {now.OpenedAt.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}, ") +
                        string.Create(CultureInfo.InvariantCulture, $"after {moment.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}. ") +
                        "`asOf` is a moment of recording in Kvk, not a date of the award: ask without `asOf` for the round as recorded, " +
                        "or with a moment after its recording.")
                    {
                        Code = "NOT_YET_RECORDED",
                    };
                }

                return NoRound(c, year);
            });
    }

    private static RoundView? NoRound(IResolveFieldContext context, int year)
    {
        context.Explain(LookupNotes.NoSuchRound, LookupNotes.NoRound(year));
        return null;
    }
}

using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Nominations;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Storage.Rounds;
using Marten;

namespace Kvk.Graph.Rounds;

public static class RoundQueries
{
    /// <summary>What a round list can be sorted by, as SQL over the round documents.</summary>
    public static readonly IReadOnlyDictionary<string, SqlColumn> Columns = new Dictionary<string, SqlColumn>
    {
        ["year"] = SqlColumn.Number("year"),
        ["status"] = SqlColumn.JsonText("status"),
    };

    /// <summary>What a round list can be filtered by, as SQL over the round documents.</summary>
    public static readonly IReadOnlyDictionary<string, FilterTarget> Filters = new Dictionary<string, FilterTarget>
    {
        ["year"] = Columns["year"],
        ["status"] = Columns["status"],
        ["openedAt"] = SqlColumn.JsonTimestamp("openedAt"),
        ["nominees"] = new ListFilter(
            DocumentTables.Nominations,
            $"programme = {DocumentTables.Rounds}.programme and year = {DocumentTables.Rounds}.year and (data->>'withdrawnAt') is null",
            NominationQueries.Filters),
    };

    public static void AddRoundQueries(this ObjectGraphType query)
    {
        query.AddListField<RoundsConnectionType, RoundFilterInputType, RoundSortInputType, RoundView>(
            "rounds",
            "The award rounds, newest first unless ordered otherwise, including rounds not yet decided.",
            "rounds",
            new ListDefinition(() => DocumentTables.Query(DocumentTables.Rounds), Filters, Columns, [new SortKey(Columns["year"], true)]));
        query.Field<RoundType>("round")
            .Description("The round of one award year; null when there is none (or, with `asOf`/`version`, when it did not exist yet).")
            .Argument<NonNullGraphType<IntGraphType>>("year", "The award year, e.g. 2025.")
            .Argument<DateTimeType>("asOf", "Time travel: the round as it stood at this moment, folded from its events.")
            .Argument<IntGraphType>("version", "Time travel: the round as it stood at this version of its event stream (1 is the opening).")
            .ResolveAsync(async c =>
            {
                var year = c.GetArgument<int>("year");
                var asOf = c.GetArgument<DateTimeOffset?>("asOf");
                var version = c.GetArgument<int?>("version");
                if (asOf is null && version is null)
                {
                    return await c.Loaders().RoundByYear.Load(year).GetResultAsync(c.CancellationToken);
                }

                if (asOf is not null && version is not null)
                {
                    throw new ExecutionError("Pass `asOf` or `version`, not both.") { Code = "INVALID_TIME_TRAVEL" };
                }

                if (version < 1)
                {
                    throw new ExecutionError("`version` starts at 1, the opening of the round.") { Code = "INVALID_TIME_TRAVEL" };
                }

                await using var session = c.Service<IDocumentStore>().QuerySession();
                return (await RoundTimeTravel.AsOfAsync(session, c.Service<MunicipalityDirectory>(), year, version, asOf, c.CancellationToken))?.Round;
            });
    }
}

using System.Globalization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Lookups;
using Kvk.Graph.Nominations;
using Kvk.Graph.Rounds;

namespace Kvk.Graph.Schema;

/// <summary><c>node(id:)</c> and <c>nodes(ids:)</c>: any entity from its global ID, through the same loaders as the rest.</summary>
public static class NodeQueries
{
    public static void AddNodeQueries(this ObjectGraphType query, MunicipalityDirectory municipalities)
    {
        query.Field<NodeInterface>("node")
            .Description("The object with this global ID; null when none exists (`extensions.lookups` says why), an `INVALID_ID` error " +
                "when it is not a Kvk ID.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global ID returned by this service.")
            .Resolve(c => Explained(c, c.GetArgument<string>("id"), Load(c, c.GetArgument<string>("id"), municipalities)));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("The objects with these global IDs, in the same order; null for an ID with no object.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global IDs returned by this service (at most 100).")
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > 100)
                {
                    throw new ExecutionError("Ask for at most 100 IDs at once.") { Code = "INVALID_ID" };
                }

                var loads = ids.Select(id => Load(c, id, municipalities)).ToList();
                var results = new List<object?>();
                foreach (var load in loads)
                {
                    results.Add(load is IDataLoaderResult pending ? await pending.GetResultAsync(c.CancellationToken) : load);
                }

                return results;
            });
    }

    private static object? Load(IResolveFieldContext context, string id, MunicipalityDirectory municipalities)
    {
        var (type, key) = GlobalId.Decode(id);
        return type switch
        {
            "Award" when Year(key) is { } year => context.Load(AwardLoaders.ByYear, year),
            "Round" when Year(key) is { } year => context.Load(RoundLoaders.ByYear, year),
            "Nomination" => context.Load(NominationLoaders.ById, key),
            "Municipality" => municipalities.Find(key),
            "County" => municipalities.FindCounty(key),
            _ => null,
        };
    }

    /// <summary>The loaded object, or null with the reason in <c>extensions.lookups</c>.</summary>
    private static object? Explained(IResolveFieldContext context, string id, object? loaded)
    {
        return loaded switch
        {
            IDataLoaderResult pending => pending.Then(value => value ?? Explain()),
            null => Explain(),
            _ => loaded,
        };

        object? Explain()
        {
            var (type, key) = GlobalId.Decode(id);
            context.Explain(LookupNotes.NoSuchNode, type switch
            {
                "Award" when Year(key) is { } year => $"The ID names the award of {year}. {LookupNotes.NoAwardAnnounced(year)}",
                "Round" when Year(key) is { } year => $"The ID names the round of {year}. {LookupNotes.NoRound(year)}",
                "Award" or "Round" or "Nomination" or "Municipality" or "County" => $"The ID names the {type} \"{key}\", and there is no such {type}.",
                _ => $"The ID names a {type}, a type Kvk does not serve (its IDs are of Award, Round, Nomination, Municipality and County).",
            });
            return null;
        }
    }

    private static int? Year(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}

using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Live;
using Kvk.Graph.Rounds;

namespace Kvk.Graph.Schema;

/// <summary>
/// Live updates, fanned out to every host through PostgreSQL: over WebSocket (graphql-transport-ws) or SSE. A
/// subscriber that says what it has (<c>afterVersion</c>, <c>afterYear</c>) first gets what it is missing
/// (<see cref="MissedChanges"/>, one read shared by those that want the same), so that one which reconnects after its host
/// died, subscribing as it did at first, ends up with every change recorded while it was away.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live updates of the record.";
        Field<NonNullGraphType<RoundType>>("roundChanged")
            .Description("A round, each time a change to it is recorded. The jury's decision stays hidden from the public until the announcement.")
            .Argument<IntGraphType>("year", "Only the round of this award year; all rounds when omitted.")
            .Argument<IntGraphType>(
                "afterVersion",
                "The version of the round the subscriber already has (0 for none; needs `year`): when the round is newer, it is sent at " +
                    "once, then each change. " +
                "A client that subscribes again after a lost connection with the same arguments gets what it missed.")
            .ResolveStreamAsync(async c =>
            {
                var feed = c.Service<RoundChangeFeed>();
                await feed.Listening.WaitAsync(c.CancellationToken);
                var year = c.GetArgument<int?>("year");
                var live = year is { } y ? feed.Rounds.Where(r => r.Year == y) : feed.Rounds;
                return c.GetArgument<int?>("afterVersion") switch
                {
                    null => live,
                    { } after when year is { } known => MissedChanges.Round(live, c.Service<SharedCatchUpReads>(), c.ReadStore(), known, after),
                    _ => throw new ExecutionError("`afterVersion` is a version of one round: pass its `year` too.") { Code = "INVALID_ARGUMENT" },
                };
            });
        Field<NonNullGraphType<AwardType>>("awardAnnounced")
            .Description("An award, when it is announced.")
            .Argument<IntGraphType>(
                "afterYear",
                "The latest award year the subscriber already has: every award announced for a later year is sent at once, oldest first, " +
                    "then each announcement. " +
                "A client that subscribes again after a lost connection with the same argument gets the announcement it missed.")
            .ResolveStreamAsync(async c =>
            {
                var feed = c.Service<RoundChangeFeed>();
                await feed.Listening.WaitAsync(c.CancellationToken);
                return c.GetArgument<int?>("afterYear") is { } after
                    ? MissedChanges.Awards(feed.Awards, c.Service<SharedCatchUpReads>(), c.ReadStore(), after)
                    : feed.Awards;
            });
    }
}

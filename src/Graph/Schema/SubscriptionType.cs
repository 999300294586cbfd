using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Live;
using Kvk.Graph.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Schema;

/// <summary>Live updates, fanned out to every host through PostgreSQL: over WebSocket (graphql-transport-ws) or SSE.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Description = "Live updates of the record.";
        Field<NonNullGraphType<RoundType>>("roundChanged")
            .Description("A round, each time a change to it is recorded. The jury's decision stays hidden from the public until the announcement.")
            .Argument<IntGraphType>("year", "Only the round of this award year; all rounds when omitted.")
            .ResolveStreamAsync(async c =>
            {
                var feed = c.Service<RoundChangeFeed>();
                await feed.Listening.WaitAsync(c.CancellationToken);
                return c.GetArgument<int?>("year") is { } year ? feed.Rounds.Where(r => r.Year == year) : feed.Rounds;
            });
        Field<NonNullGraphType<AwardType>>("awardAnnounced")
            .Description("An award, when it is announced.")
            .ResolveStreamAsync(async c =>
            {
                var feed = c.Service<RoundChangeFeed>();
                await feed.Listening.WaitAsync(c.CancellationToken);
                return feed.Awards;
            });
    }
}

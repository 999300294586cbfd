using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Nominations;
using Kvk.Graph.Rounds;
using Kvk.Graph.Search;
using Kvk.Graph.Secretariat;

namespace Kvk.Graph.Schema;

public sealed class KvkSchema : GraphQL.Types.Schema
{
    public KvkSchema(IServiceProvider services)
        : base(services)
    {
        Description = "Kvk: the open record of the Swedish municipal quality award Utmärkelsen Sveriges KvalitetsKommun.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        Subscription = services.GetRequiredService<SubscriptionType>();
        CurrentSpecIntrospection.Enable(this);
        PublishedCost.Apply(this, services.GetRequiredService<Kvk.Graph.Engine.Pipeline.QueryLimits>());
        ListTypes.Register(this, Lists);
        this.RegisterSearchTypes();
    }

    /// <summary>The lists at the root of the schema, each declared in its feature folder.</summary>
    public static IReadOnlyList<ListRoot> Lists => [AwardList.Root, RoundList.Root, NominationList.Root, MunicipalityList.Root];
}

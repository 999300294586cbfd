using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Secretariat;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Schema;

public sealed class KvkSchema : GraphQL.Types.Schema
{
    public KvkSchema(IServiceProvider services)
        : base(services)
    {
        Description = "Kvk: the open record of the Swedish municipal quality award Utmärkelsen Sveriges KvalitetsKommun.";
        Query = services.GetRequiredService<QueryType>();
        Mutation = services.GetRequiredService<MutationType>();
        foreach (var error in DomainErrorType.All)
        {
            RegisterType(error);
        }
        Subscription = services.GetRequiredService<SubscriptionType>();
    }
}

using GraphQL;
using Kvk.Graph.Engine;

namespace Kvk.Graph.Schema;

public static class KvkGraphQL
{
    /// <summary>The engine with Kvk's schema. It needs no database to be built, so a test can print it alone.</summary>
    public static IServiceCollection AddKvkGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddGraphQLEngine(configuration, environment, graphQL => graphQL
            .AddSchema<KvkSchema>()
            .AddGraphTypes(typeof(KvkSchema).Assembly));
}

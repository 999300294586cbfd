using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kvk.Graph.Engine;

/// <summary>The engine's place in a host: its services around a schema, and its middleware and endpoints.</summary>
public static class GraphQLEngine
{
    /// <param name="schema">Adds the schema and its types to the GraphQL builder.</param>
    public static IServiceCollection AddGraphQLEngine(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment,
        Action<IGraphQLBuilder> schema)
    {
        var limits = QueryLimits.From(configuration);
        services.AddSingleton(limits);
        var profile = RequestProfile.From(configuration);
        if (profile is not null)
        {
            services.AddSingleton(profile);
        }

        services.AddSingleton(RateLimits.From(configuration, environment));
        services.AddSingleton<Admission>();
        services.AddSingleton<SharedEventResults>();
        services.AddSingleton<OperationPipeline>();
        services.AddSingleton<PersistedDocumentRegistry>();
        var documents = new ParsedDocumentCache(limits, profile: profile);
        services.AddSingleton(documents);
        services.AddSingleton<SurfaceClient>();
        services.AddSingleton(ResponseCache.From(configuration));
        services.AddSingleton<SerializedResults>();
        services.AddSingleton(EdgeCachePolicy.From(configuration));
        services.AddSingleton<LoadedViews>();
        services.AddScoped<ReadRoute>();
        services.AddScoped<ReadStore>();
        services.AddScoped<OperationLoaders>();
        services.AddScoped<OperationNotes>();
        services.AddScoped<CommittedVersion>();
        services.AddGraphQL(graphQL =>
        {
            schema(graphQL);
            graphQL
                .AddGraphTypes(typeof(GraphQLEngine).Assembly)
                .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
                // Documents stay out of traces: a secretariat mutation written with literals carries the secret decision.
                .UseTelemetry(telemetry => telemetry.RecordDocument = false)
                .UsePersistedDocuments<PersistedDocumentRegistry>(GraphQL.DI.ServiceLifetime.Singleton, o => o.AllowOnlyPersistedDocuments = false)
                .ConfigureExecution<AutomaticPersistedQueries>()
                .ConfigureExecution(documents)
                .AddExecutionStrategy<ScopedSubscriptionStrategy>(OperationType.Subscription);
        });

        // After AddGraphQL, so that these replace GraphQL.NET's own.
        services.AddSingleton<IDocumentValidator>(new CachedDocumentValidator(new DocumentValidator(), profile));
        services.AddSingleton<IDocumentBuilder>(new DepthLimitedDocumentBuilder(limits.MaxParserDepth, profile));
        return services;
    }

    /// <summary>
    /// The request profile when enabled (<see cref="RequestProfile"/>), the security headers of every response, the access log,
    /// the bearer's user, then every request's permit (but for
    /// GraphQL operations, which their transport admits one by one).
    /// </summary>
    public static IApplicationBuilder UseGraphQLEngineRequests(this IApplicationBuilder app) => app
        .UseRequestProfile()
        .UseSecurityHeaders()
        .UseRequestLog()
        .UseBearerAuthentication()
        .UseRequestAdmission()
        .UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
}

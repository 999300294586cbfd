using Kvk.Graph.Engine.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// GraphQL on <c>/graphql</c>: over HTTP (<see cref="HttpTransport"/>: POST, GET, and Server-Sent Events when
/// asked for), over WebSocket (<see cref="WebSocketTransport"/>), GraphiQL for a browser, and the schema's SDL
/// at <c>/graphql?sdl</c> and <c>/graphql/schema.graphql</c>. Every transport hands its operations to the one
/// pipeline (<see cref="Pipeline.OperationPipeline"/>).
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    public static void MapGraphQL(this IEndpointRouteBuilder endpoints)
    {
        // The only endpoint whose requests may take no permit before they reach it: those that carry operations,
        // which its transports admit one operation at a time. The GraphiQL page (text/html) declares what it loads.
        endpoints.Map(Path, HandleAsync)
            .WithAdmission(AdmissionPolicy.PerOperation(CarriesOperations))
            .WithContentSecurityPolicy(GraphiQLPage.ContentSecurityPolicy);
        endpoints.MapGet(SchemaDocument.Path, SchemaDocument.WriteAsync);
        endpoints.MapGraphiQLAssets();
    }

    /// <summary>
    /// A WebSocket (its upgrade takes a permit, then each <c>subscribe</c>) or an operation over HTTP (one permit):
    /// not the GraphiQL page, the schema or a refused method, which take theirs like any other request.
    /// </summary>
    private static bool CarriesOperations(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest || HttpTransport.CarriesOperation(context);

    private static Task HandleAsync(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ? WebSocketTransport.AcceptAsync(context) : HttpTransport.HandleAsync(context);
}

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
        endpoints.Map(Path, HandleAsync);
        endpoints.MapGet(SchemaDocument.Path, SchemaDocument.WriteAsync);
        endpoints.MapGraphiQLAssets();
    }

    private static Task HandleAsync(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ? WebSocketTransport.AcceptAsync(context) : HttpTransport.HandleAsync(context);
}

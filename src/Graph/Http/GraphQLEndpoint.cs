using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Kvk.Graph.Caching;
using Kvk.Graph.Operations;
using Microsoft.Net.Http.Headers;

namespace Kvk.Graph.Http;

/// <summary>
/// GraphQL over HTTP on <c>/graphql</c>, after the GraphQL-over-HTTP specification: POST with
/// <c>application/json</c>, GET for queries, responses negotiated from <c>Accept</c>
/// (<c>application/graphql-response+json</c> or <c>application/json</c>); GraphiQL for a browser; WebSocket
/// (<c>graphql-transport-ws</c>) and SSE (<c>text/event-stream</c>) for subscriptions.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";

    /// <summary>A header a browser cannot send cross-site without a CORS preflight: required on GET (CSRF protection).</summary>
    public const string PreflightHeader = "GraphQL-Require-Preflight";

    public static void MapGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Path, HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await WebSocketTransport.AcceptAsync(context);
            return;
        }

        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            await GetAsync(context);
        }
        else if (HttpMethods.IsPost(method))
        {
            await PostAsync(context);
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(context, Json, StatusCodes.Status405MethodNotAllowed, $"{method} is not supported on {Path}; use GET or POST.");
        }
    }

    private static async Task PostAsync(HttpContext context)
    {
        if (Negotiate(context.Request, allowHtml: false) is not { } responseType)
        {
            await WriteNotAcceptableAsync(context);
            return;
        }

        // Only application/json bodies are read: a simple content type (text/plain, form data) is refused before
        // anything runs, so a cross-site form cannot post an operation (CSRF protection).
        if (!context.Request.HasJsonContentType())
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status415UnsupportedMediaType, $"Send the request body as {Json}.");
            return;
        }

        GraphQLRequest request;
        string? cacheKey;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            cacheKey = CacheKey(context, responseType, body.RootElement.GetRawText());
            if (await TryWriteCachedAsync(context, cacheKey))
            {
                return;
            }

            request = ReadRequest(body.RootElement, context.RequestServices.GetRequiredService<IGraphQLTextSerializer>());
        }
        catch (JsonException)
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request in JSON.");
            return;
        }
        catch (InvalidRequestException e)
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        await ExecuteAsync(context, request, responseType, queriesOnly: false, cacheKey);
    }

    private static async Task GetAsync(HttpContext context)
    {
        if (Negotiate(context.Request, allowHtml: true) is not { } responseType)
        {
            await WriteNotAcceptableAsync(context);
            return;
        }

        if (responseType == "text/html")
        {
            await GraphiQLPage.WriteAsync(context);
            return;
        }

        if (string.IsNullOrEmpty(context.Request.Headers[PreflightHeader]))
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status400BadRequest,
                $"A GET request needs the header `{PreflightHeader}: 1` (protection against cross-site request forgery); or use POST with {Json}.");
            return;
        }

        var cacheKey = CacheKey(context, responseType, context.Request.QueryString.Value ?? "");
        if (await TryWriteCachedAsync(context, cacheKey))
        {
            return;
        }

        GraphQLRequest request;
        try
        {
            var query = context.Request.Query;
            var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
            request = new GraphQLRequest
            {
                Query = query["query"],
                DocumentId = query["documentId"],
                OperationName = query["operationName"],
                Variables = ReadMap<Inputs>(query["variables"], "variables", serializer),
                Extensions = ReadMap<Inputs>(query["extensions"], "extensions", serializer),
            };
        }
        catch (InvalidRequestException e)
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        await ExecuteAsync(context, request, responseType, queriesOnly: true, cacheKey);
    }

    private static async Task ExecuteAsync(HttpContext context, GraphQLRequest request, string responseType, bool queriesOnly, string? cacheKey)
    {
        // An event stream may outlive many changes: it reads through fresh loaders for each result.
        var services = responseType == EventStream ? new FreshLoaderServices(context.RequestServices) : context.RequestServices;
        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var generation = cache.Generation;
        var result = await GraphQLExecution.ExecuteAsync(services, context.User, request, queriesOnly, context.RequestAborted);
        context.Items[RequestLog.OperationItem] = GraphQLExecution.OperationName(result, request);
        context.Items[RequestLog.OutcomeItem] = GraphQLExecution.Outcome(result);
        if (result.Streams is { Count: > 0 })
        {
            if (responseType == EventStream)
            {
                await ServerSentEvents.StreamAsync(context, result);
                return;
            }

            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status405MethodNotAllowed,
                $"A subscription needs a WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: {EventStream}) on {Path}.");
            return;
        }

        if (responseType == EventStream)
        {
            // A query or mutation asked for as an event stream: one `next` event, then `complete`.
            await ServerSentEvents.WriteSingleAsync(context, result);
            return;
        }

        var status = StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e is QueriesOnlyOverGet.MutationOverGetError) == true)
        {
            status = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
        }
        else if (!result.Executed && responseType == GraphQLResponseJson)
        {
            // The request never reached execution (parse, validation or variable errors, an unknown persisted document).
            status = StatusCodes.Status400BadRequest;
        }

        if (cacheKey is not null && status == StatusCodes.Status200OK && result.Errors is not { Count: > 0 } && result.Operation?.Operation == OperationType.Query)
        {
            var response = new CachedResponse(status, responseType + "; charset=utf-8", await SerializeAsync(context, result));
            cache.Store(cacheKey, response, generation);
            await WriteCachedAsync(context, response);
            return;
        }

        await WriteResultAsync(context, responseType, status, result);
    }

    /// <summary>
    /// The key of a public request's whole response: what was asked, as sent, and in which format. A
    /// request with credentials is never cached, since what it may see differs; nor is an event stream.
    /// </summary>
    private static string? CacheKey(HttpContext context, string responseType, string request) =>
        context.Request.Headers.ContainsKey(HeaderNames.Authorization) || responseType == EventStream || request.Length > ResponseCache.MaxKeyLength
            ? null
            : $"{context.Request.Method}\n{responseType}\n{request}";

    private static async Task<bool> TryWriteCachedAsync(HttpContext context, string? cacheKey)
    {
        if (cacheKey is null || !context.RequestServices.GetRequiredService<ResponseCache>().TryGet(cacheKey, out var cached))
        {
            return false;
        }

        context.Items[RequestLog.OutcomeItem] = "cached";
        await WriteCachedAsync(context, cached);
        return true;
    }

    private static async Task<byte[]> SerializeAsync(HttpContext context, ExecutionResult result)
    {
        using var buffer = new MemoryStream();
        await context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(buffer, result, context.RequestAborted);
        return buffer.ToArray();
    }

    private static Task WriteCachedAsync(HttpContext context, CachedResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers.Vary = "Accept";
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();
    }

    /// <summary>The response media type the client accepts, preferring application/graphql-response+json; null when none fits (406).</summary>
    public static string? Negotiate(HttpRequest request, bool allowHtml)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var quality = value.Quality ?? 1;
            if (quality <= 0)
            {
                continue;
            }

            var candidate = Match(value, allowHtml);
            if (candidate is null)
            {
                continue;
            }

            // Among equally acceptable types the first listed wins, except that graphql-response+json beats application/json.
            if (best is null || quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponseJson && best == Json))
            {
                best = candidate;
                bestQuality = quality;
            }

        }

        return best;
    }

    private static string? Match(MediaTypeHeaderValue value, bool allowHtml)
    {
        var type = value.MediaType.Value?.ToLowerInvariant();
        return type switch
        {
            GraphQLResponseJson => GraphQLResponseJson,
            Json => Json,
            EventStream => EventStream,
            "text/html" when allowHtml => "text/html",
            "application/*" or "*/*" => Json,
            _ => null,
        };
    }

    private static GraphQLRequest ReadRequest(JsonElement body, IGraphQLTextSerializer serializer)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException("The request body must be a JSON object with `query`.");
        }

        var request = new GraphQLRequest
        {
            Query = ReadString(body, "query"),
            DocumentId = ReadString(body, "documentId"),
            OperationName = ReadString(body, "operationName"),
            Variables = ReadMap(body, "variables", serializer),
            Extensions = ReadMap(body, "extensions", serializer),
        };
        if (request.Query is null && request.DocumentId is null && request.Extensions?.ContainsKey("persistedQuery") != true)
        {
            throw new InvalidRequestException("The request has no `query` (nor a `documentId` or a persisted query hash).");
        }

        return request;
    }

    private static string? ReadString(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new InvalidRequestException($"`{name}` must be a string.");

    private static Inputs? ReadMap(JsonElement body, string name, IGraphQLTextSerializer serializer) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? serializer.ReadNode<Inputs>(value)
        : throw new InvalidRequestException($"`{name}` must be a JSON object.");

    private static T? ReadMap<T>(Microsoft.Extensions.Primitives.StringValues parameter, string name, IGraphQLTextSerializer serializer)
        where T : class
    {
        if (string.IsNullOrEmpty(parameter))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(parameter.ToString());
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object => serializer.Deserialize<T>(parameter.ToString()),
                _ => throw new InvalidRequestException($"The `{name}` parameter must be a JSON object."),
            };
        }
        catch (JsonException)
        {
            throw new InvalidRequestException($"The `{name}` parameter is not valid JSON.");
        }
    }

    private static Task WriteNotAcceptableAsync(HttpContext context) => WriteRequestErrorAsync(context, Json, StatusCodes.Status406NotAcceptable,
        $"This endpoint answers with {GraphQLResponseJson} or {Json} (and {EventStream} for subscriptions; text/html on GET for GraphiQL).");

    /// <summary>A request the server could not take at all: an HTTP error status, whichever type the client accepts.</summary>
    private static Task WriteRequestErrorAsync(HttpContext context, string responseType, int status, string message) =>
        WriteResultAsync(context, responseType is Json or GraphQLResponseJson ? responseType : Json, status, new ExecutionResult { Errors = [new ExecutionError(message)] });

    private static async Task WriteResultAsync(HttpContext context, string responseType, int status, ExecutionResult result)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = responseType + "; charset=utf-8";
        context.Response.Headers.Vary = "Accept";
        var serializer = context.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private sealed class InvalidRequestException(string message) : Exception(message);
}

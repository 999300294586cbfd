using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Engine.Reading;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// GraphQL over HTTP after the GraphQL-over-HTTP specification: POST with <c>application/json</c>, GET for
/// queries, responses negotiated from <c>Accept</c> (<c>application/graphql-response+json</c> or
/// <c>application/json</c>, <c>text/event-stream</c> for Server-Sent Events), GraphiQL for a browser. Public
/// query responses are kept whole in the <see cref="ResponseCache"/>; over GET they may be kept by a shared cache
/// too (<see cref="EdgeCaching"/>).
/// </summary>
public static class HttpTransport
{
    /// <summary>What a request to <see cref="GraphQLEndpoint.Path"/> over HTTP is, by its method, query string and <c>Accept</c>.</summary>
    private enum RequestKind
    {
        /// <summary>A GraphQL operation (GET or POST), admitted here, one permit for its one operation.</summary>
        Operation,

        /// <summary><c>GET /graphql?sdl</c>: the schema.</summary>
        Schema,

        /// <summary>A GET that accepts HTML: GraphiQL's page.</summary>
        GraphiQL,

        /// <summary>Any other method: 405.</summary>
        Unsupported,
    }

    private static RequestKind KindOf(HttpRequest request)
    {
        var method = request.Method;
        if (HttpMethods.IsPost(method))
        {
            return RequestKind.Operation;
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return RequestKind.Unsupported;
        }

        return request.Query.ContainsKey("sdl") ? RequestKind.Schema
            : MediaTypes.Negotiate(request, allowHtml: true) == MediaTypes.Html ? RequestKind.GraphiQL
            : RequestKind.Operation;
    }

    /// <summary>
    /// Whether this transport takes the request's permit itself, one for its operation (<see cref="Pipeline.AdmissionPolicy"/>):
    /// the very decision <see cref="HandleAsync"/> dispatches on, so that the two cannot disagree.
    /// </summary>
    public static bool CarriesOperation(HttpContext context) => KindOf(context.Request) == RequestKind.Operation;

    public static async Task HandleAsync(HttpContext context)
    {
        switch (KindOf(context.Request))
        {
            case RequestKind.Schema:
                await SchemaDocument.WriteAsync(context);
                return;
            case RequestKind.GraphiQL:
                await GraphiQLPage.WriteAsync(context);
                return;
            case RequestKind.Unsupported:
                context.Response.Headers.Allow = "GET, POST";
                await WriteRequestErrorAsync(context, MediaTypes.Json, StatusCodes.Status405MethodNotAllowed,
                    $"{context.Request.Method} is not supported on {GraphQLEndpoint.Path}; use GET or POST.");
                return;
        }

        // An operation: its permit is taken here, before anything else is looked at, whatever becomes of it; but for an
        // event stream, which may be a subscription this host knows (a watcher coming back, from the live bucket): its
        // permit is taken once its request is read (RunAsync), or found unreadable.
        var pipeline = context.RequestServices.GetRequiredService<OperationPipeline>();
        var overGet = !HttpMethods.IsPost(context.Request.Method);
        var responseType = MediaTypes.Negotiate(context.Request, allowHtml: overGet);
        if (responseType == MediaTypes.EventStream)
        {
            context.Items[PendingPermitItem] = true;
        }
        else if (pipeline.Admit(Admission.ClientOf(context)) is { } refused)
        {
            await WriteRefusalAsync(context, responseType ?? MediaTypes.Json, refused);
            return;
        }

        if (responseType is null)
        {
            await WriteNotAcceptableAsync(context);
        }
        else if (overGet)
        {
            await RunAsync(context, pipeline, responseType, queriesOnly: true, context.Request.QueryString.Value ?? "",
                serializer => GraphQLRequestReader.Read(context.Request.Query, serializer));
        }
        else
        {
            await PostAsync(context, pipeline, responseType);
        }
    }

    private static async Task PostAsync(HttpContext context, OperationPipeline pipeline, string responseType)
    {
        // Only application/json bodies are read: a simple content type (text/plain, form data) is refused before
        // anything runs, so a cross-site form cannot post an operation (CSRF protection).
        if (!context.Request.HasJsonContentType())
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status415UnsupportedMediaType, $"Send the request body as {MediaTypes.Json}.");
            return;
        }

        var started = pipeline.Profile is null ? 0 : RequestProfile.Now();
        using var body = await ReadBodyAsync(context);
        pipeline.Profile?.Add(ProfilePhase.ReadBody, started);
        if (body is null)
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request in JSON.");
            return;
        }

        await RunAsync(context, pipeline, responseType, queriesOnly: false, body.RootElement.GetRawText(),
            serializer => GraphQLRequestReader.Read(body.RootElement, serializer));
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <param name="requestText">What identifies the request for the response cache: the body or the query string, as sent.</param>
    private static async Task RunAsync(
        HttpContext context,
        OperationPipeline pipeline,
        string responseType,
        bool queriesOnly,
        string requestText,
        Func<IGraphQLTextSerializer, GraphQLRequest> read)
    {
        var services = context.RequestServices;
        var profile = pipeline.Profile;
        var withCredentials = context.Request.Headers.ContainsKey(HeaderNames.Authorization);
        if (withCredentials)
        {
            // What a token holder sees may be secret (a decision before its announcement): no shared cache may keep it.
            context.Response.Headers.CacheControl = "private, no-store";
        }

        var client = Admission.ClientOf(context);
        long? afterVersion = null;
        if (context.Request.Headers[DataVersion.AfterVersionHeader] is { Count: > 0 } presented)
        {
            if (!DataVersion.TryParse(presented.Count == 1 ? presented[0] : null, out var version))
            {
                await WriteResultAsync(context, JsonType(responseType), StatusCodes.Status400BadRequest,
                    new ExecutionResult { Errors = [DataVersion.Invalid($"The header {DataVersion.AfterVersionHeader}")] });
                return;
            }

            afterVersion = version;
        }

        var started = profile is null ? 0 : RequestProfile.Now();
        var cache = services.GetRequiredService<ResponseCache>();
        var cost = OperationCost.Of(context.Request);
        var cacheKey = withCredentials || responseType == MediaTypes.EventStream || requestText.Length > ResponseCache.MaxKeyLength || cost != CostRequest.None
            ? null
            : $"{context.Request.Method}\n{responseType}\n{requestText}";
        if (cacheKey is not null && cache.TryGet(cacheKey, out var cached, afterVersion))
        {
            context.Items[RequestLog.OutcomeItem] = "cached";
            GraphQLMetrics.AnsweredFromCache();
            await WriteCachedAsync(context, cached, queriesOnly);
            return;
        }

        profile?.Add(ProfilePhase.ResponseCacheLookup, started);
        GraphQLRequest request;
        try
        {
            started = profile is null ? 0 : RequestProfile.Now();
            request = read(services.GetRequiredService<IGraphQLTextSerializer>());
            profile?.Add(ProfilePhase.DecodeRequest, started);
        }
        catch (InvalidRequestException e)
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status400BadRequest, e.Message);
            return;
        }

        if (responseType == MediaTypes.EventStream)
        {
            if (TakePendingPermit(context, request) is { } refused)
            {
                await WriteRefusalAsync(context, MediaTypes.Json, refused);
                return;
            }

            await ServerSentEvents.RunAsync(context, pipeline, new OperationRequest(request, context.User, services, queriesOnly, "SSE", client,
                AfterVersion: afterVersion));
            return;
        }

        var generation = cache.Generation;
        var result = await pipeline.ExecuteAsync(
            new OperationRequest(request, context.User, services, queriesOnly, context.Request.Method, client, cost, afterVersion),
            context.RequestAborted);
        if (services.GetRequiredService<CommittedVersion>().Version is { } committed)
        {
            context.Response.Headers[DataVersion.CommittedAtHeader] = DataVersion.Format(committed);
        }

        context.Items[RequestLog.OperationItem] = OperationPipeline.OperationName(result, request);
        context.Items[RequestLog.OutcomeItem] = AnswerStatus.Outcome(result);
        if (result.Streams is { Count: > 0 })
        {
            await WriteRequestErrorAsync(context, responseType, StatusCodes.Status405MethodNotAllowed,
                $"A subscription needs a WebSocket (graphql-transport-ws) or Server-Sent Events (Accept: {MediaTypes.EventStream}) on {GraphQLEndpoint.Path}.");
            return;
        }

        var status = StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e is QueriesOnlyOverGet.MutationOverGetError) == true)
        {
            status = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
        }
        else if (!result.Executed && result.Errors is { Count: > 0 } && responseType == MediaTypes.GraphQLResponseJson)
        {
            // No data: the request never reached execution (parse, validation or variable errors, an unknown persisted
            // document: 400), or its time ran out (503).
            status = AnswerStatus.HttpStatus(result);
        }

        if (cacheKey is not null
            && status == StatusCodes.Status200OK
            && result.Errors is not { Count: > 0 }
            && result.Operation?.Operation == OperationType.Query)
        {
            started = profile is null ? 0 : RequestProfile.Now();
            var response = new CachedResponse(status, responseType + "; charset=utf-8", await SerializeAsync(context, result));
            profile?.Add(ProfilePhase.Serialization, started);
            started = profile is null ? 0 : RequestProfile.Now();
            cache.Store(cacheKey, response, generation, client);
            profile?.Add(ProfilePhase.ResponseCacheStore, started);
            started = profile is null ? 0 : RequestProfile.Now();
            await WriteCachedAsync(context, response, queriesOnly);
            profile?.Add(ProfilePhase.WriteResponse, started);
            return;
        }

        // Not kept: serialized straight into the response, which the profile counts as serialization.
        started = profile is null ? 0 : RequestProfile.Now();
        await WriteResultAsync(context, responseType, status, result);
        profile?.Add(ProfilePhase.Serialization, started);
    }

    private static async Task<byte[]> SerializeAsync(HttpContext context, ExecutionResult result)
    {
        using var buffer = new MemoryStream();
        await context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(buffer, result, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <param name="overGet">A public answer over GET, which a shared cache may keep; POST answers stay the client's own.</param>
    private static Task WriteCachedAsync(HttpContext context, CachedResponse response, bool overGet)
    {
        if (overGet)
        {
            context.Response.Headers.Vary = "Accept";
            return EdgeCaching.WriteAsync(context, response, context.RequestServices.GetRequiredService<EdgeCachePolicy>());
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.Headers.Vary = "Accept";
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();
    }

    /// <summary>A request that was not admitted: 429 with when to try again.</summary>
    public static Task WriteRefusalAsync(HttpContext context, string responseType, AdmissionRefusal refusal)
    {
        context.Response.Headers.RetryAfter = refusal.RetryAfterSeconds;
        return WriteResultAsync(context, JsonType(responseType), StatusCodes.Status429TooManyRequests, new ExecutionResult { Errors = [refusal.ToError()] });
    }

    private static Task WriteNotAcceptableAsync(HttpContext context) => WriteRequestErrorAsync(context, MediaTypes.Json, StatusCodes.Status406NotAcceptable,
        $"This endpoint answers with {MediaTypes.GraphQLResponseJson} or {MediaTypes.Json} (and {MediaTypes.EventStream} for subscriptions; text/html " +
            "on GET for GraphiQL).");

    /// <summary>A request the server could not take at all: an HTTP error status, whichever type the client accepts.</summary>
    private static Task WriteRequestErrorAsync(HttpContext context, string responseType, int status, string message) =>
        WriteResultAsync(context, JsonType(responseType), status, new ExecutionResult { Errors = [new ExecutionError(message)] });

    private static string JsonType(string responseType) => responseType is MediaTypes.Json or MediaTypes.GraphQLResponseJson ? responseType : MediaTypes.Json;

    /// <summary>Marks an event stream whose permit is taken once its request is read (<see cref="TakePendingPermit"/>).</summary>
    private const string PendingPermitItem = "kvk.pending-permit";

    /// <summary>
    /// Takes the permit of an event stream marked pending, from the bucket its request calls for (a subscription this host
    /// knows: the live bucket; an unreadable request, null: the bucket of operations); null when admitted or taken before.
    /// </summary>
    private static AdmissionRefusal? TakePendingPermit(HttpContext context, GraphQLRequest? request) =>
        context.Items.Remove(PendingPermitItem)
            ? context.RequestServices.GetRequiredService<OperationPipeline>().AdmitStart(Admission.ClientOf(context), request)
            : null;

    private static async Task WriteResultAsync(HttpContext context, string responseType, int status, ExecutionResult result)
    {
        // An event stream refused before its request was read (its body, its version header) takes its permit all the same.
        if (TakePendingPermit(context, null) is { } refused)
        {
            await WriteRefusalAsync(context, responseType, refused);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = responseType + "; charset=utf-8";
        context.Response.Headers.Vary = "Accept";
        await context.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}

using System.Text;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Kvk.Graph.Caching;
using Kvk.Graph.Hosting;
using Kvk.Graph.Operations;
using Kvk.Graph.Schema;
using Microsoft.Net.Http.Headers;

namespace Kvk.Graph.Http;

/// <summary>GraphQL over HTTP on <c>/graphql</c>: POST with a JSON body, GET with query parameters.</summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    public const int MaxBodyBytes = 64 * 1024;
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    public static void MapGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, PostAsync);
        endpoints.MapGet(Path, GetAsync);
    }

    private static async Task PostAsync(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<KvkSchema> executer, ResponseCache cache, ILoggerFactory logs)
    {
        if (!context.Request.HasJsonContentType())
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status415UnsupportedMediaType, $"Send the request as {Json}.");
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        if (body is null)
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes / 1024} KiB.");
            return;
        }

        var key = CacheKey(context, body);
        if (key is not null && cache.TryGet(key, out var cached))
        {
            context.Items[RequestLog.OutcomeItem] = "cached";
            await WriteAsync(context, cached);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(body);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request in JSON.");
            return;
        }

        await ExecuteAsync(context, serializer, executer, cache, key, logs, request);
    }

    private static async Task GetAsync(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<KvkSchema> executer, ResponseCache cache, ILoggerFactory logs)
    {
        var key = CacheKey(context, context.Request.QueryString.Value ?? "");
        if (key is not null && cache.TryGet(key, out var cached))
        {
            context.Items[RequestLog.OutcomeItem] = "cached";
            await WriteAsync(context, cached);
            return;
        }

        var query = context.Request.Query;
        GraphQLRequest request;
        try
        {
            request = new GraphQLRequest
            {
                Query = query["query"],
                OperationName = query["operationName"],
                Variables = query["variables"] is { Count: > 0 } v && !string.IsNullOrEmpty(v) ? serializer.Deserialize<Inputs>(v) : null,
            };
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, "The `variables` parameter is not a JSON object.");
            return;
        }

        await ExecuteAsync(context, serializer, executer, cache, key, logs, request, queriesOnly: true);
    }

    private static async Task ExecuteAsync(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<KvkSchema> executer, ResponseCache cache, string? key, ILoggerFactory logs, GraphQLRequest? request, bool queriesOnly = false)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, "The request has no `query`.");
            return;
        }

        if (context.RequestServices.GetRequiredService<QueryLimits>().Check(request) is { } refusal)
        {
            context.Items[RequestLog.OutcomeItem] = "refused";
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, refusal);
            return;
        }

        var log = logs.CreateLogger(typeof(GraphQLEndpoint));
        var generation = cache.Generation;
        using var activity = GraphQLTelemetry.Source.StartActivity("graphql.execute");
        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = request.Query;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.Extensions = request.Extensions;
            options.RequestServices = context.RequestServices;
            options.User = context.User;
            options.CancellationToken = context.RequestAborted;
            options.UnhandledExceptionDelegate = ctx =>
            {
                KvkLog.ResolverFailed(log, ErrorPolicy.Mask(ctx), ctx.OriginalException);
                return Task.CompletedTask;
            };
            if (queriesOnly)
            {
                options.ValidationRules = GraphQL.Validation.DocumentValidator.CoreRules.Append(new QueriesOnlyOverGet());
            }
        });

        if (!context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            result = ErrorPolicy.WithoutSuggestions(result);
        }

        var operation = result.Operation?.Name?.StringValue ?? request.OperationName ?? result.Operation?.Operation.ToString().ToLowerInvariant() ?? "";
        var outcome = result.Errors is { Count: > 0 } ? (result.Executed ? "partial" : "refused") : "ok";
        context.Items[RequestLog.OperationItem] = operation;
        context.Items[RequestLog.OutcomeItem] = outcome;
        activity?.SetTag("graphql.operation.name", operation);
        activity?.SetTag("graphql.outcome", outcome);
        var contentType = (AcceptsGraphQLResponse(context.Request) ? GraphQLResponseJson : Json) + "; charset=utf-8";
        var status = result.Executed || contentType.StartsWith(Json, StringComparison.Ordinal) ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        if (result.Errors?.Any(e => e is QueriesOnlyOverGet.MutationOverGetError) == true)
        {
            status = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
        }

        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, context.RequestAborted);
        var response = new CachedResponse(status, contentType, buffer.ToArray());
        if (key is not null && status == StatusCodes.Status200OK && result.Errors is not { Count: > 0 } && result.Operation?.Operation == OperationType.Query)
        {
            cache.Store(key, response, generation);
        }

        await WriteAsync(context, response);
    }

    /// <summary>
    /// The key of a public request's response: what was asked and in which format. A request with
    /// credentials is never cached, since what it may see differs.
    /// </summary>
    private static string? CacheKey(HttpContext context, string request) =>
        context.Request.Headers.ContainsKey(HeaderNames.Authorization) || request.Length > ResponseCache.MaxKeyLength
            ? null
            : $"{context.Request.Method}\n{context.Request.Headers.Accept}\n{request}";

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Task WriteAsync(HttpContext context, CachedResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();
    }

    private static bool AcceptsGraphQLResponse(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase));

    private static Task WriteErrorAsync(HttpContext context, IGraphQLTextSerializer serializer, int status, string message) =>
        WriteErrorAsync(context, serializer, status, new ExecutionError(message));

    private static async Task WriteErrorAsync(HttpContext context, IGraphQLTextSerializer serializer, int status, ExecutionError error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Json + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [error] }, context.RequestAborted);
    }
}

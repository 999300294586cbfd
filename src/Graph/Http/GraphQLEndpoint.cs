using GraphQL;
using GraphQL.Transport;
using Kvk.Graph.Hosting;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Http;

/// <summary>GraphQL over HTTP on <c>/graphql</c>: POST with a JSON body, GET with query parameters.</summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";
    private const string GraphQLResponseJson = "application/graphql-response+json";
    private const string Json = "application/json";

    public static void MapGraphQL(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, PostAsync);
        endpoints.MapGet(Path, GetAsync);
    }

    private static async Task PostAsync(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<KvkSchema> executer, ILoggerFactory logs)
    {
        if (!context.Request.HasJsonContentType())
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status415UnsupportedMediaType, $"Send the request as {Json}.");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, "The request body is not a valid GraphQL request in JSON.");
            return;
        }

        await ExecuteAsync(context, serializer, executer, logs, request);
    }

    private static async Task GetAsync(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<KvkSchema> executer, ILoggerFactory logs)
    {
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

        await ExecuteAsync(context, serializer, executer, logs, request, queriesOnly: true);
    }

    private static async Task ExecuteAsync(HttpContext context, IGraphQLTextSerializer serializer, IDocumentExecuter<KvkSchema> executer, ILoggerFactory logs, GraphQLRequest? request, bool queriesOnly = false)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(context, serializer, StatusCodes.Status400BadRequest, "The request has no `query`.");
            return;
        }

        var log = logs.CreateLogger(typeof(GraphQLEndpoint));
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
                KvkLog.ResolverFailed(log, ctx.OriginalException);
                return Task.CompletedTask;
            };
            if (queriesOnly)
            {
                options.ValidationRules = GraphQL.Validation.DocumentValidator.CoreRules.Append(new QueriesOnlyOverGet());
            }
        });

        var contentType = AcceptsGraphQLResponse(context.Request) ? GraphQLResponseJson : Json;
        context.Response.StatusCode = result.Executed || contentType == Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        if (result.Errors?.Any(e => e is QueriesOnlyOverGet.MutationOverGetError) == true)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "POST";
        }

        context.Response.ContentType = contentType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static bool AcceptsGraphQLResponse(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase));

    private static async Task WriteErrorAsync(HttpContext context, IGraphQLTextSerializer serializer, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = Json + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message)] }, context.RequestAborted);
    }
}

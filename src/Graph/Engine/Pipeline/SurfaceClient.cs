using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What a page, a download or a feed asks of the API: one persisted document (by its name, e.g. "Explorer/Round")
/// with its variables, and the answer as a client reads it. The surface is a client of the one pipeline, so its
/// request meets the same limits, search rules, embargo, error policy and log as the API's: it runs as the public
/// (never with the request's credentials), reads the read pool, and its answer's JSON is the API's own. The request's
/// permit pays for its first operation; every further one takes a permit of its own.
/// </summary>
public sealed class SurfaceClient(OperationPipeline pipeline, PersistedDocumentRegistry documents, IGraphQLTextSerializer serializer)
{
    private static readonly ClaimsPrincipal Public = new(new ClaimsIdentity());

    /// <summary>Where a request counts the operations its surface ran.</summary>
    private const string OperationsItem = "kvk.surface.operations";

    /// <summary>The text of a shipped document, as "show the query" prints it.</summary>
    public string Document(string name) => documents.Named(name)
        ?? throw new InvalidOperationException($"No persisted document `{name}` is shipped (PersistedDocuments/{name}.graphql).");

    /// <summary>The document's id, as <c>GET /graphql?documentId=…</c> takes it.</summary>
    public string DocumentId(string name) => PersistedDocumentRegistry.IdOf(Document(name));

    /// <param name="surface">Which surface asks ("Explorer", "Download", "Feed"): the log's transport.</param>
    /// <param name="variables">The operation's variables, read from the surface's address; null for none.</param>
    public Task<SurfaceAnswer> RunAsync(HttpContext context, string surface, string document, Inputs? variables) =>
        RunTextAsync(context, surface, Document(document), variables);

    /// <summary>
    /// A document the surface wrote from what its client asked (a download's columns): not trusted, so it meets every
    /// limit and validation rule as a client's document over POST does, on the same one path.
    /// </summary>
    /// <param name="text">The document's text.</param>
    public async Task<SurfaceAnswer> RunTextAsync(HttpContext context, string surface, string text, Inputs? variables)
    {
        var client = Admission.ClientOf(context, Public);

        // The request's own permit covers its first operation; each further one (a download's next page) takes its own,
        // as it would over the API.
        var operations = context.Items[OperationsItem] is int count ? count + 1 : 1;
        context.Items[OperationsItem] = operations;
        var result = operations > 1 && pipeline.Admit(client) is { } refused
            ? new ExecutionResult { Errors = [refused.ToError()] }
            : await pipeline.ExecuteAsync(
                new OperationRequest(
                    new GraphQLRequest { Query = text, Variables = variables },
                    Public,
                    context.RequestServices,
                    QueriesOnly: true,
                    surface,
                    client),
                context.RequestAborted);
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, context.RequestAborted);
        return new SurfaceAnswer(result, JsonDocument.Parse(buffer.ToArray()).RootElement.Clone());
    }

    /// <summary>Variables written as JSON (a download's <c>where</c>), read as the API reads a request's variables.</summary>
    public Inputs? Variables(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            return parsed.RootElement.ValueKind == JsonValueKind.Object
                ? serializer.ReadNode<Inputs>(parsed.RootElement)
                : throw new InvalidRequestException("The variables must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new InvalidRequestException("The variables are not valid JSON.");
        }
    }
}

/// <summary>An answer of the API to a surface: the result, and the JSON a client of the API would have read.</summary>
public sealed record SurfaceAnswer(ExecutionResult Result, JsonElement Json)
{
    /// <summary>The answer's <c>data</c>; undefined when the operation never ran.</summary>
    public JsonElement Data => Json.TryGetProperty("data", out var data) ? data : default;

    /// <summary>The HTTP status of a surface whose answer has errors, as the API's own (<see cref="AnswerStatus.HttpStatus"/>).</summary>
    public int FailureStatus => AnswerStatus.HttpStatus(Result);

    /// <summary>The errors as the API words them, each with its code.</summary>
    public IReadOnlyList<(string Message, string? Code)> Errors =>
        [.. (Result.Errors ?? []).Select(e => (e.Message, e.Code))];
}

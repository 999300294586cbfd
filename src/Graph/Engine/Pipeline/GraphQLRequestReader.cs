using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>A request that is not a GraphQL request at all (HTTP 400, WebSocket close 4400): what is wrong, in words.</summary>
public sealed class InvalidRequestException(string message) : Exception(message);

/// <summary>
/// The one reader of a GraphQL request, for every transport: a JSON object (a POST body, a WebSocket
/// <c>subscribe</c> payload) or a query string (GET). Each member has one type, and the same mistake is the
/// same refusal whichever way it came.
/// </summary>
public static class GraphQLRequestReader
{
    private static readonly string[] Members = ["query", "documentId", "operationName", "variables", "extensions"];

    public static GraphQLRequest Read(JsonElement body, IGraphQLTextSerializer serializer)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException("The request must be a JSON object with `query`.");
        }

        return Checked(new GraphQLRequest
        {
            Query = Text(body, "query"),
            DocumentId = Text(body, "documentId"),
            OperationName = Text(body, "operationName"),
            Variables = Map(body, "variables", serializer),
            Extensions = Map(body, "extensions", serializer),
        });
    }

    public static GraphQLRequest Read(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        foreach (var member in Members)
        {
            if (query[member].Count > 1)
            {
                throw new InvalidRequestException($"The `{member}` parameter is given more than once.");
            }
        }

        return Checked(new GraphQLRequest
        {
            Query = NonEmpty(query["query"]),
            DocumentId = NonEmpty(query["documentId"]),
            OperationName = NonEmpty(query["operationName"]),
            Variables = Map(NonEmpty(query["variables"]), "variables", serializer),
            Extensions = Map(NonEmpty(query["extensions"]), "extensions", serializer),
        });
    }

    private static GraphQLRequest Checked(GraphQLRequest request)
    {
        if (request.Query is null && request.DocumentId is null && request.Extensions?.ContainsKey("persistedQuery") != true)
        {
            throw new InvalidRequestException("The request has no `query` (nor a `documentId` or a persisted query hash).");
        }

        foreach (var (name, value) in new[] { ("operationName", request.OperationName), ("documentId", request.DocumentId) })
        {
            if (value is not null && InputText.FirstUnsafeCharacter(value, isName: true) is { } unsafeCharacter)
            {
                throw new InvalidRequestException($"`{name}` contains {InputText.Describe(unsafeCharacter)}, which a name cannot hold.");
            }
        }

        return request;
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value) ? null : value.ToString();

    private static string? Text(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new InvalidRequestException($"`{name}` must be a string.");

    private static Inputs? Map(JsonElement body, string name, IGraphQLTextSerializer serializer) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? serializer.ReadNode<Inputs>(value)
        : throw new InvalidRequestException($"`{name}` must be a JSON object.");

    private static Inputs? Map(string? parameter, string name, IGraphQLTextSerializer serializer)
    {
        if (parameter is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(parameter);
            return Parameter(document.RootElement, name, serializer);
        }
        catch (JsonException)
        {
            throw new InvalidRequestException($"The `{name}` parameter is not valid JSON.");
        }
    }

    private static Inputs? Parameter(JsonElement value, string name, IGraphQLTextSerializer serializer) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Object => serializer.ReadNode<Inputs>(value),
        _ => throw new InvalidRequestException($"The `{name}` parameter must be a JSON object."),
    };
}

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kvk.Graph.Engine.Transport;

/// <summary>The media types of GraphQL over HTTP, and which one a client's <c>Accept</c> asks for.</summary>
public static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";
    public const string Html = "text/html";

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
            if (quality <= 0 || Match(value, allowHtml) is not { } candidate)
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

    private static string? Match(MediaTypeHeaderValue value, bool allowHtml) => value.MediaType.Value?.ToLowerInvariant() switch
    {
        GraphQLResponseJson => GraphQLResponseJson,
        Json => Json,
        EventStream => EventStream,
        Html when allowHtml => Html,
        "application/*" or "*/*" => Json,
        _ => null,
    };
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// How long a shared cache in front of the hosts (Varnish, a CDN) may keep a public response, under
/// <c>Kvk:EdgeCache</c>. <see cref="MaxAge"/> (5 s) bounds how late an announcement shows at the edge; in those
/// seconds a cache sends the hosts at most one request per address, however many ask. Past it, for
/// <see cref="StaleWhileRevalidate"/> (30 s), the cache may answer with the stored copy while it asks a host again
/// in the background: a popular answer is stale only for the moment of that one request, no client waits at
/// expiry, and a stampede on the hosts cannot start when thousands ask the moment a copy expires.
/// </summary>
public sealed record EdgeCachePolicy(TimeSpan MaxAge, TimeSpan StaleWhileRevalidate)
{
    public static readonly EdgeCachePolicy Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    /// <summary>The <c>Cache-Control</c> of every public response.</summary>
    public string CacheControl { get; } = string.Create(
        CultureInfo.InvariantCulture, $"public, max-age={(int)MaxAge.TotalSeconds}, stale-while-revalidate={(int)StaleWhileRevalidate.TotalSeconds}");

    public static EdgeCachePolicy From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Kvk:EdgeCache");
        return new EdgeCachePolicy(
            Seconds(section, "MaxAgeSeconds", Default.MaxAge),
            Seconds(section, "StaleWhileRevalidateSeconds", Default.StaleWhileRevalidate));
    }

    private static TimeSpan Seconds(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var seconds = section.GetValue<int?>(key) ?? (int)fallback.TotalSeconds;
        return seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"Kvk:EdgeCache:{key} must be a whole number of seconds, 0 or more, not {seconds}.");
    }
}

/// <summary>
/// Writes a public response so that a shared cache may keep it and ask for it again cheaply: <c>Cache-Control</c>
/// after the <see cref="EdgeCachePolicy"/>, a strong <c>ETag</c> (<see cref="CachedResponse.EntityTag"/>, a hash of
/// the content type and the body, so every recorded change that alters an answer moves its tag and two hosts give
/// the same tag for the same data), and <c>304 Not Modified</c> without a body when the request's
/// <c>If-None-Match</c> names it. A compressed body is another representation: its tag gets the coding appended
/// (<c>"…-gzip"</c>), and a tag with any coding matches its body's.
/// </summary>
public static class EdgeCaching
{
    public static Task WriteAsync(HttpContext context, CachedResponse response, EdgeCachePolicy policy)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = policy.CacheControl;
        context.Response.StatusCode = response.StatusCode;
        if (Matching(context.Request, response) is { } matched)
        {
            headers.ETag = matched;
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        headers.ETag = response.EntityTag;
        context.Response.OnStarting(NameTheCoding, context);
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        return context.Response.Body.WriteAsync(response.Body, context.RequestAborted).AsTask();
    }

    /// <summary>The tag of <c>If-None-Match</c> that names <paramref name="response"/>'s body (in any coding); null when none does.</summary>
    private static string? Matching(HttpRequest request, CachedResponse response)
    {
        if (response.StatusCode != StatusCodes.Status200OK
            || request.Headers.IfNoneMatch.Count == 0
            || !EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return null;
        }

        var opaque = response.EntityTag.AsSpan(1, response.EntityTag.Length - 2);
        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                return response.EntityTag;
            }

            // If-None-Match compares weakly: a cache that decompressed a body for its client marks the tag weak.
            var value = tag.Tag.AsSpan(1, tag.Tag.Length - 2);
            if (value.SequenceEqual(opaque) || (value.StartsWith(opaque) && value.Length > opaque.Length && value[opaque.Length] == '-'))
            {
                return tag.Tag.ToString();
            }
        }

        return null;
    }

    /// <summary>Runs as the headers go out, after response compression has chosen a coding (or none).</summary>
    private static Task NameTheCoding(object state)
    {
        var headers = ((HttpContext)state).Response.Headers;
        if (headers.ContentEncoding.ToString() is { Length: > 0 } coding && headers.ETag.ToString() is { Length: > 2 } tag && tag[^1] == '"')
        {
            headers.ETag = $"{tag[..^1]}-{coding}\"";
        }

        return Task.CompletedTask;
    }
}

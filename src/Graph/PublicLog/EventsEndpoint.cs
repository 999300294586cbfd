using System.Globalization;
using System.Text;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;

namespace Kvk.Graph.PublicLog;

/// <summary>
/// <c>GET /events</c>: the public log, one entry a line (NDJSON), by position, a page at a time (<c>after</c>, <c>limit</c>),
/// with <c>Link: …; rel="next"</c> while more follow. Pages are kept in the response cache until something is recorded
/// and written for shared caches (an <c>ETag</c> of the page's bytes, <c>304</c>), like every public read. A refusal is a
/// 400 in the API's form, with the code <see cref="InvalidRequest"/>.
/// </summary>
public static class EventsEndpoint
{
    public const string Path = "/events";

    public const int DefaultLimit = 1000;

    public const int MaxLimit = 10_000;

    public const string InvalidRequest = "INVALID_EVENTS_REQUEST";

    public const string ContentType = "application/x-ndjson; charset=utf-8";

    public static void MapPublicLog(this IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, (Delegate)AnswerAsync);

    private static async Task AnswerAsync(HttpContext context)
    {
        var (after, limit, refusal) = Read(context.Request.Query);
        if (refusal is not null)
        {
            await Downloads.Downloads.WriteErrorAsync(context, StatusCodes.Status400BadRequest, InvalidRequest, refusal);
            return;
        }

        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var key = string.Create(CultureInfo.InvariantCulture, $"events\n{after}\n{limit}");
        if (cache.TryGet(key, out var page) && cache.TryGet(key + "\nlink", out var link))
        {
            SetLink(context, Encoding.UTF8.GetString(link.Body));
        }
        else
        {
            var generation = cache.Generation;
            var (lines, more) = await PublicLogPage.ReadAsync(context.RequestServices.GetRequiredService<ReadStore>(), after, limit, context.RequestAborted);
            var body = new StringBuilder();
            foreach (var line in lines)
            {
                body.Append(line.Line).Append('\n');
            }

            // The next page's address travels with the page, as a header the cache keeps beside the body.
            var next = more ? string.Create(CultureInfo.InvariantCulture, $"<{Path}?after={lines[^1].Position}&limit={limit}>; rel=\"next\"") : "";
            page = new CachedResponse(StatusCodes.Status200OK, ContentType, Encoding.UTF8.GetBytes(body.ToString()));
            cache.Store(key, page, generation, Admission.ClientOf(context));
            cache.Store(key + "\nlink", new CachedResponse(StatusCodes.Status200OK, "text/plain", Encoding.UTF8.GetBytes(next)), generation);
            SetLink(context, next);
        }

        await EdgeCaching.WriteAsync(context, page, context.RequestServices.GetRequiredService<EdgeCachePolicy>());
    }

    private static void SetLink(HttpContext context, string link)
    {
        if (link.Length > 0)
        {
            context.Response.Headers.Link = link;
        }
    }

    /// <returns>The page asked for, or why the request is refused.</returns>
    private static (long After, int Limit, string? Refusal) Read(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (name is not ("after" or "limit"))
            {
                return (0, 0, $"Unknown parameter `{name}`: {Path} takes after (the last position read, 0 for the start) and limit (1 to {MaxLimit}).");
            }

            if (values.Count > 1)
            {
                return (0, 0, $"`{name}` is given {values.Count} times; give it once.");
            }
        }

        var after = 0L;
        if (query.TryGetValue("after", out var afterText) && !long.TryParse(afterText, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return (0, 0, $"`after` is the position of the last entry read, a whole number from 0, not \"{afterText}\".");
        }

        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return (0, 0, string.Create(CultureInfo.InvariantCulture, $"`limit` is how many entries to send, 1 to {MaxLimit}, not \"{limitText}\"."));
        }

        return (after, limit, null);
    }
}

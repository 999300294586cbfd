using System.Text;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Explorer;
using Microsoft.AspNetCore.Http.Extensions;

namespace Kvk.Graph.Feeds;

/// <summary>
/// The record's Atom feeds, for a newsroom or a reader that wants the next nomination or winner without holding a
/// WebSocket: <c>/feed.atom</c> and <c>/en/feed.atom</c> (every round's facts), and beside each municipality's page
/// its own (<c>/kommun/{code}/feed.atom</c>, <c>/en/municipality/{code}/feed.atom</c>). A feed is a client of the API,
/// as the explorer's pages are: shipped documents (<c>PersistedDocuments/Feed/</c>) run through the one pipeline as the
/// public (<see cref="SurfaceClient"/>), so the embargo holds in it as in the API. Each entry is a fact of a round's
/// public history, told in the explorer's words. Feeds are kept in the <see cref="ResponseCache"/> until something is
/// recorded and written for shared caches with an ETag, like the pages; what is not a feed (no such municipality, a
/// refusal, a failure) is the explorer's page that says so.
/// </summary>
public static class FeedEndpoints
{
    /// <summary>The whole record's feed reads the rounds a page at a time; this many pages at most (500 rounds, a thousand years).</summary>
    private const int MaxPages = 10;

    private const string CacheKeyPrefix = "feed\n";
    private const string HtmlType = "text/html; charset=utf-8";

    public static void MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        foreach (var language in new[] { ExplorerLanguage.Swedish, ExplorerLanguage.English })
        {
            // The explorer's policy: what is not a feed is one of its pages. A feed itself, not HTML, gets the strict one.
            endpoints.MapMethods(language.Feed, [HttpMethods.Get, HttpMethods.Head], context => ServeAsync(context, language, language.Feed, RecordAsync))
                .WithContentSecurityPolicy(ExplorerEndpoints.ContentSecurityPolicy);
            endpoints.MapMethods(
                language.MunicipalityFeedRoute,
                [HttpMethods.Get, HttpMethods.Head],
                context => ServeAsync(context, language, language.MunicipalityFeed(Code(context)), MunicipalityAsync))
                .WithContentSecurityPolicy(ExplorerEndpoints.ContentSecurityPolicy);
        }
    }

    /// <summary>A feed, or the explorer's page of why there is none.</summary>
    private sealed record Answer(AtomFeed? Feed, ExplorerPage? Page);

    private static async Task<Answer> RecordAsync(HttpContext context, ExplorerLanguage language)
    {
        var facts = new List<RoundFact>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var answer = await ExplorerOperation.Of("Feed/Rounds", ("after", after)).RunAsync<FeedRoundsData>(context, "Feed");
            if (answer.Data is not { } data)
            {
                return new Answer(null, FailedPage.Render(language, answer.Failure!, other => other.Feed));
            }

            facts.AddRange(data.Rounds.Nodes.SelectMany(r => r.History.Select(fact => new RoundFact(r.Year, fact))));
            if (!data.Rounds.PageInfo.HasNextPage)
            {
                break;
            }

            after = data.Rounds.PageInfo.EndCursor;
        }

        return new Answer(
            Feed(context, language, FeedIds.Record(language), language.FeedTitle, language.Feed, language.Home, RoundFact.Newest(facts)),
            null);
    }

    private static async Task<Answer> MunicipalityAsync(HttpContext context, ExplorerLanguage language)
    {
        // As the municipality's page: a code names a municipality only with four digits, and any other names nothing.
        var code = Code(context);
        ExplorerPage Missing() => NotFoundPage.Render(language, language.NoSuchMunicipality(code), other => other.MunicipalityFeed(code));
        if (code.Length != 4 || !code.All(char.IsAsciiDigit))
        {
            return new Answer(null, Missing());
        }

        var answer = await ExplorerOperation.Of("Feed/Municipality", ("code", code)).RunAsync<FeedMunicipalityData>(context, "Feed");
        if (answer.Data is not { } data)
        {
            return new Answer(null, FailedPage.Render(language, answer.Failure!, other => other.MunicipalityFeed(code)));
        }

        if (data.Municipality is not { } municipality)
        {
            return new Answer(null, Missing());
        }

        // The facts that name the municipality, of every round it was nominated in (a round it was nominated in twice once).
        var facts = municipality.Nominations.Select(n => n.Round).DistinctBy(r => r.Year)
            .SelectMany(r => r.History.Where(f => f.Municipality?.Code == code).Select(fact => new RoundFact(r.Year, fact)));
        return new Answer(
            Feed(
                context,
                language,
                FeedIds.Municipality(language, code),
                language.MunicipalityFeedTitle(municipality.Name),
                language.MunicipalityFeed(code),
                language.Municipality(code),
                RoundFact.Newest(facts)),
            null);
    }

    /// <param name="self">The feed's path; <paramref name="alternate"/> the explorer page's it follows.</param>
    private static AtomFeed Feed(
        HttpContext context,
        ExplorerLanguage language,
        string id,
        string title,
        string self,
        string alternate,
        IReadOnlyList<RoundFact> facts) =>
        new(
            id,
            title,
            language.Code,
            Absolute(context, self),
            Absolute(context, alternate),
            [.. facts.Select(f => new AtomEntry(
                FeedIds.Fact(language, f.Year, f.Fact.Version),
                $"{language.RoundTitle(f.Year)} – {language.History.Tell(f.Fact.Entry)}",
                Absolute(context, language.Round(f.Year)),
                f.Fact.OccurredAt,
                f.Fact.Motivation))]);

    /// <summary>
    /// A path of this host as an absolute address, as the request reached it (through <c>UseKvkForwardedHeaders</c>, the
    /// proxy's scheme and host): a feed reader resolves no relative address reliably.
    /// </summary>
    private static string Absolute(HttpContext context, string path) =>
        UriHelper.BuildAbsolute(context.Request.Scheme, context.Request.Host, context.Request.PathBase, path);

    private static string Code(HttpContext context) => context.GetRouteValue("code") as string ?? "";

    /// <param name="path">The feed's own address as the explorer writes it: the cache keeps it under that (with the host its
    /// addresses name), so that other spellings of it cannot fill the cache with copies.</param>
    private static async Task ServeAsync(
        HttpContext context,
        ExplorerLanguage language,
        string path,
        Func<HttpContext, ExplorerLanguage, Task<Answer>> answer)
    {
        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var key = CacheKeyPrefix + Absolute(context, path);
        if (cache.TryGet(key, out var hit))
        {
            await WriteAsync(context, hit);
            return;
        }

        var generation = cache.Generation;
        var (feed, page) = await answer(context, language);
        var response = feed is not null
            ? new CachedResponse(StatusCodes.Status200OK, AtomFeed.ContentType, feed.ToXml())
            : new CachedResponse(page!.StatusCode, HtmlType, Encoding.UTF8.GetBytes(ExplorerLayout.Render(language, page, ExplorerStylesheet.Address)));
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            cache.Store(key, response, generation, Admission.ClientOf(context));
        }

        await WriteAsync(context, response);
    }

    /// <summary>As the explorer's pages (<see cref="EdgeCaching"/>): a shared cache keeps a feed seconds and asks again with its ETag.</summary>
    private static Task WriteAsync(HttpContext context, CachedResponse response) =>
        EdgeCaching.WriteAsync(context, response, context.RequestServices.GetRequiredService<EdgeCachePolicy>());
}

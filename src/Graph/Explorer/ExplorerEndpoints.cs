using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Search;
using Kvk.Storage.Rounds;
using Marten;

namespace Kvk.Graph.Explorer;

/// <summary>
/// The public explorer: server-rendered pages of the award's record for those who will never write a query,
/// in Swedish at the root and in English under <c>/en</c>, with one stylesheet and no script. Pages are kept
/// in the <see cref="ResponseCache"/> until something is recorded, and written for shared caches, like the API's
/// public answers over GET.
/// </summary>
public static class ExplorerEndpoints
{
    public const string StylesheetPath = "/explorer.css";

    /// <summary>Only this origin's stylesheet and images; no script at all, no framing, forms only to this origin.</summary>
    public static readonly ContentSecurityPolicy ContentSecurityPolicy = ContentSecurityPolicy.Allowing("style-src 'self'", "img-src 'self'", "form-action 'self'");

    private const string CacheKeyPrefix = "explorer\n";
    private const string HtmlType = "text/html; charset=utf-8";

    public static void MapExplorer(this IEndpointRouteBuilder endpoints)
    {
        // Drawn at the first map request, not at every start (about 0.1 s of the host's start otherwise).
        var map = new Lazy<SwedenMap>(() => SwedenMap.Load(Path.Combine(SeedFiles.Directory, "kommuner_scb.geojson"), Path.Combine(SeedFiles.Directory, "lan_scb.geojson")));
        var elsewhere = MunicipalityElsewhere.Load(Path.Combine(SeedFiles.Directory, "kommun_wikidata.csv"));
        var css = Stylesheet();
        var version = Convert.ToHexStringLower(SHA256.HashData(css))[..12];
        var stylesheet = $"{StylesheetPath}?v={version}";

        endpoints.MapGet(StylesheetPath, (HttpContext context) =>
        {
            // The pages name the stylesheet by its content's hash, so that a changed one is a new address.
            context.Response.Headers.CacheControl = context.Request.Query["v"] == version ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(css, "text/css; charset=utf-8");
        }).WithAdmission(AdmissionPolicy.StaticAsset);

        foreach (var language in new[] { ExplorerLanguage.Swedish, ExplorerLanguage.English })
        {
            // A page is cached under its own address as the explorer writes it, so that other spellings of it
            // ("/Karta", "/karta/") cannot fill the cache with copies.
            void Page(string route, Func<HttpContext, string?> cacheKey, Func<HttpContext, IServiceProvider, Task<ExplorerPage>> render) =>
                endpoints.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], context => ServeAsync(context, language, stylesheet, cacheKey(context), render))
                    .WithContentSecurityPolicy(ContentSecurityPolicy);

            Page(language.Home, _ => language.Home, async (context, services) =>
                TimelinePage.Render(language, await ReadRecordAsync(services, context), services.GetRequiredService<MunicipalityDirectory>()));

            Page(language.Map, _ => language.Map, async (context, services) =>
                MapPage.Render(language, await ReadRecordAsync(services, context), services.GetRequiredService<MunicipalityDirectory>(), map.Value));

            Page(language.RoundRoute, context => Year(context) is { } year ? language.Round(year) : null, async (context, services) =>
            {
                if (Year(context) is not { } year)
                {
                    return NotFoundPage.Render(language, language.NoSuchPage, other => other.Home);
                }

                await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
                var events = await session.Events.FetchStreamAsync(AwardYear.StreamKey(year), token: context.RequestAborted);
                return RoundPage.Render(language, await ReadRecordAsync(services, context), services.GetRequiredService<MunicipalityDirectory>(), year, events);
            });

            Page(language.MunicipalityRoute, context => language.Municipality(Code(context)), async (context, services) =>
                MunicipalityPage.Render(language, await ReadRecordAsync(services, context), services.GetRequiredService<MunicipalityDirectory>(), elsewhere, Code(context)));

            // Search pages are not cached: their texts are endless and would push the API's responses out.
            Page(language.Search, _ => null, async (context, services) =>
            {
                string? query = context.Request.Query["q"];
                var (text, problem) = MotivationSearch.Read(query);
                var hits = problem == SearchProblem.None
                    ? await MotivationSearch.FindAsync(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<MotivationWords>(), services.GetRequiredService<ReadStore>(), text!, context.RequestAborted)
                    : [];
                return SearchPage.Render(language, services.GetRequiredService<MunicipalityDirectory>(), query, text, problem, hits);
            });
        }
    }

    /// <summary>The year of a round's address: four digits, or none.</summary>
    private static int? Year(HttpContext context) =>
        context.GetRouteValue("year") is string { Length: 4 } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static string Code(HttpContext context) => context.GetRouteValue("code") as string ?? "";

    private static Task<PublicRecord> ReadRecordAsync(IServiceProvider services, HttpContext context) =>
        PublicRecord.ReadAsync(services.GetRequiredService<IDocumentStore>(), context.RequestAborted);

    /// <param name="cacheKey">The page's address, under which the response cache keeps it; null for a page never kept.</param>
    private static async Task ServeAsync(HttpContext context, ExplorerLanguage language, string stylesheet, string? cacheKey, Func<HttpContext, IServiceProvider, Task<ExplorerPage>> render)
    {
        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var key = cacheKey is null ? null : CacheKeyPrefix + cacheKey;
        if (key is not null && cache.TryGet(key, out var hit))
        {
            await WriteAsync(context, hit);
            return;
        }

        var generation = cache.Generation;
        var page = await render(context, context.RequestServices);
        var response = new CachedResponse(page.StatusCode, HtmlType, Encoding.UTF8.GetBytes(ExplorerLayout.Render(language, page, stylesheet)));
        if (key is not null && page.StatusCode == StatusCodes.Status200OK)
        {
            cache.Store(key, response, generation, Admission.ClientOf(context));
        }

        await WriteAsync(context, response);
    }

    /// <summary>
    /// As the API's public answers over GET (<see cref="EdgeCaching"/>): a shared cache keeps a page seconds, so that an
    /// announcement shows everywhere soon after it is recorded, and asks again with the page's ETag.
    /// </summary>
    private static Task WriteAsync(HttpContext context, CachedResponse response) =>
        EdgeCaching.WriteAsync(context, response, context.RequestServices.GetRequiredService<EdgeCachePolicy>());

    private static byte[] Stylesheet()
    {
        using var stream = typeof(ExplorerEndpoints).Assembly.GetManifestResourceStream("Kvk.Explorer.explorer.css")
            ?? throw new InvalidOperationException("The explorer's stylesheet is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

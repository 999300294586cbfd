using System.Globalization;
using System.Text;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Search;

namespace Kvk.Graph.Explorer;

/// <summary>
/// The public explorer: server-rendered pages of the award's record for those who will never write a query,
/// in Swedish at the root and in English under <c>/en</c>, with one stylesheet and no script. Every page is a client
/// of the API: one shipped document (<c>PersistedDocuments/Explorer/</c>) run through the one pipeline as the public
/// (<see cref="SurfaceClient"/>), with variables from the page's address, and rendered from the answer. Pages are kept
/// in the <see cref="ResponseCache"/> until something is recorded, and written for shared caches, like the API's
/// public answers over GET.
/// </summary>
public static class ExplorerEndpoints
{
    /// <summary>Only this origin's stylesheet and images; no script at all, no framing, forms only to this origin.</summary>
    public static readonly ContentSecurityPolicy ContentSecurityPolicy = ContentSecurityPolicy.Allowing(
        "style-src 'self'",
        "img-src 'self'",
        "form-action 'self'");

    private const string CacheKeyPrefix = "explorer\n";
    private const string HtmlType = "text/html; charset=utf-8";

    public static void MapExplorer(this IEndpointRouteBuilder endpoints)
    {
        // Drawn at the first map request, not at every start (about 0.1 s of the host's start otherwise).
        var map = new Lazy<SwedenMap>(() => SwedenMap.Load(
            Path.Combine(SeedFiles.Directory, "kommuner_scb.geojson"),
            Path.Combine(SeedFiles.Directory, "lan_scb.geojson")));
        var stylesheet = ExplorerStylesheet.Address;
        endpoints.MapGet(ExplorerStylesheet.Path, (HttpContext context) =>
        {
            // The pages name the stylesheet by its content's hash, so that a changed one is a new address.
            var current = context.Request.Query["v"] == ExplorerStylesheet.Version;
            context.Response.Headers.CacheControl = current ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(ExplorerStylesheet.Bytes, "text/css; charset=utf-8");
        }).WithAdmission(AdmissionPolicy.StaticAsset);

        foreach (var language in new[] { ExplorerLanguage.Swedish, ExplorerLanguage.English })
        {
            // A page is cached under its own address as the explorer writes it, so that other spellings of it
            // ("/Karta", "/karta/") cannot fill the cache with copies.
            void Page(string route, Func<HttpContext, string?> cacheKey, Func<HttpContext, Task<ExplorerPage>> render) =>
                endpoints.MapMethods(
                    route,
                    [HttpMethods.Get, HttpMethods.Head],
                    context => ServeAsync(context, language, stylesheet, cacheKey(context), render))
                    .WithContentSecurityPolicy(ContentSecurityPolicy);

            Page(language.Home, _ => language.Home, context =>
                ShowAsync<TimelineData>(context, language, TimelinePage.Operation, [new("awards"), new("rounds")], other => other.Home,
                    data => TimelinePage.Render(language, data)));

            Page(language.Map, _ => language.Map, context =>
                ShowAsync<MapData>(
                    context,
                    language,
                    MapPage.Operation,
                    [new("awards"), new("nominations", ExplorerDownload.Equal("withdrawnAt", null))],
                    other => other.Map,
                    data => MapPage.Render(language, data, context.RequestServices.GetRequiredService<MunicipalityDirectory>(), map.Value)));

            Page(language.Sources, _ => language.Sources, context =>
                ShowAsync<SourcesData>(context, language, SourcesPage.Operation, [new("rounds")], other => other.Sources,
                    data => SourcesPage.Render(language, data)));

            Page(language.RoundRoute, context => Year(context) is { } year ? language.Round(year) : null, context =>
            {
                if (Year(context) is not { } year)
                {
                    return Task.FromResult(NotFoundPage.Render(language, language.NoSuchPage, other => other.Home));
                }

                var where = ExplorerDownload.Equal("year", year);
                return ShowAsync<RoundData>(
                    context,
                    language,
                    RoundPage.Operation(year),
                    [new("nominations", where), new("awards", where)],
                    other => other.Round(year),
                    data => RoundPage.Render(language, data, year) ?? NotFoundPage.Render(language, language.NoSuchRound(year), other => other.Round(year)));
            });

            Page(language.MunicipalityRoute, context => language.Municipality(Code(context)), context =>
            {
                // A code names a municipality only with four digits: any other address names no page of the explorer.
                var code = Code(context);
                if (code.Length != 4 || !code.All(char.IsAsciiDigit))
                {
                    return Task.FromResult(NotFoundPage.Render(language, language.NoSuchMunicipality(code), other => other.Municipality(code)));
                }

                var where = ExplorerDownload.Equal("municipality", ExplorerDownload.Equal("code", code));
                return ShowAsync<MunicipalityData>(
                    context,
                    language,
                    MunicipalityPage.Operation(code),
                    [new("nominations", where), new("awards", where)],
                    other => other.Municipality(code),
                    data => MunicipalityPage.Render(language, data)
                        ?? NotFoundPage.Render(language, language.NoSuchMunicipality(code), other => other.Municipality(code)));
            });

            // Search pages are not cached: their texts are endless and would push the API's responses out.
            Page(language.Search, _ => null, async context =>
            {
                string? query = context.Request.Query["q"];
                if (SearchPage.Text(query) is not { } text)
                {
                    return SearchPage.Render(language, query, null, null, null, SearchQueries.MaxTextLength);
                }

                var operation = SearchPage.Operation(text);
                var answer = await operation.RunAsync<SearchData>(context);
                // A refused search text is the reader's to mend, shown beside the form; any other failure is a failed page.
                if (answer.Failure is { StatusCode: not StatusCodes.Status400BadRequest } failure)
                {
                    return FailedPage.Render(language, failure, other => other.Search + "?q=" + Uri.EscapeDataString(query!));
                }

                // The same awards as the hits, for a spreadsheet: the API's search has no list of its own to download.
                var years = answer.Data?.Search.Nodes.Select(h => h.Award.Year).ToList() ?? [];
                var downloads = years.Count == 0 ? (IReadOnlyList<ExplorerDownload>)[] : [new(
                    "awards",
                    new Dictionary<string, object?> { ["year"] = new Dictionary<string, object?> { [FilterOperators.In] = years } })];
                return SearchPage.Render(language, query, text, answer.Data, answer.Failure?.Messages, SearchQueries.MaxTextLength) with
                {
                    Query = Panel(context, language, operation, downloads),
                    DataVersion = answer.DataVersion,
                };
            });
        }
    }

    /// <summary>
    /// A page made of one operation: runs it, renders its answer (or the page of its failure), and adds the query
    /// behind the page with the downloads of the same data.
    /// </summary>
    private static async Task<ExplorerPage> ShowAsync<T>(
        HttpContext context,
        ExplorerLanguage language,
        ExplorerOperation operation,
        IReadOnlyList<ExplorerDownload> downloads,
        Func<ExplorerLanguage, string> pathIn,
        Func<T, ExplorerPage> render)
        where T : class
    {
        var answer = await operation.RunAsync<T>(context);
        var page = answer.Data is { } data ? render(data) : FailedPage.Render(language, answer.Failure!, pathIn);
        return page with { Query = Panel(context, language, operation, downloads), DataVersion = answer.DataVersion };
    }

    private static Html Panel(HttpContext context, ExplorerLanguage language, ExplorerOperation operation, IReadOnlyList<ExplorerDownload> downloads)
    {
        var client = context.RequestServices.GetRequiredService<SurfaceClient>();
        return QueryPanel.Render(language, operation, client.Document(operation.Document), client.DocumentId(operation.Document), downloads);
    }

    /// <summary>The year of a round's address: four digits, or none.</summary>
    private static int? Year(HttpContext context) =>
        context.GetRouteValue("year") is string { Length: 4 } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static string Code(HttpContext context) => context.GetRouteValue("code") as string ?? "";

    /// <param name="cacheKey">The page's address, under which the response cache keeps it; null for a page never kept.</param>
    private static async Task ServeAsync(
        HttpContext context,
        ExplorerLanguage language,
        string stylesheet,
        string? cacheKey,
        Func<HttpContext, Task<ExplorerPage>> render)
    {
        var cache = context.RequestServices.GetRequiredService<ResponseCache>();
        var key = cacheKey is null ? null : CacheKeyPrefix + cacheKey;
        if (key is not null && cache.TryGet(key, out var hit))
        {
            await WriteAsync(context, hit);
            return;
        }

        var generation = cache.Generation;
        var page = await render(context);
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
}

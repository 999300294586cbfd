using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>An explorer page as served: its status, its headers and its HTML parsed as a browser would parse it.</summary>
public sealed record ExplorerResponse(HttpStatusCode Status, HttpResponseMessage Response, string Html, IDocument Document)
{
    public IElement Main => Document.QuerySelector("main") ?? throw new InvalidOperationException("The page has no <main>.");
}

public static class ExplorerPages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<ExplorerResponse> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return new ExplorerResponse(response.StatusCode, response, html, await Parser.ParseDocumentAsync(html));
    }

    /// <summary>Gets a page that must be there (200, HTML).</summary>
    public static async Task<ExplorerResponse> GetOkAsync(HttpClient client, string path)
    {
        var page = await GetAsync(client, path);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {path} answered {(int)page.Status}.");
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        return page;
    }

    /// <summary>The text of an element with its whitespace runs made single spaces.</summary>
    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The municipality codes an element links to (<c>/kommun/0180</c>, <c>/en/municipality/0180</c>).</summary>
    public static IReadOnlyList<string> MunicipalityLinks(this IElement element) =>
        [.. element.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.Contains("/kommun/", StringComparison.Ordinal) || h.Contains(
            "/municipality/",
            StringComparison.Ordinal)).Select(h => h[^4..])];
}

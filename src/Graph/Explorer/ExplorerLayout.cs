using Kvk.Graph.Search;

namespace Kvk.Graph.Explorer;

/// <summary>Which part of the explorer a page belongs to, so that the menu marks it as current.</summary>
public enum ExplorerSection
{
    None,
    Timeline,
    Map,
    Search,
}

/// <summary>
/// A rendered page's content and what the layout needs around it.
/// </summary>
/// <param name="PathIn">The page's own address in a language, query included: the language switch links to it.</param>
/// <param name="SearchText">The text to show in the search box.</param>
public sealed record ExplorerPage(
    string Title,
    Html Body,
    Func<ExplorerLanguage, string> PathIn,
    ExplorerSection Section = ExplorerSection.None,
    int StatusCode = StatusCodes.Status200OK,
    string? SearchText = null)
{
    /// <summary>The query behind the page (<see cref="QueryPanel"/>), at the foot of its content; empty for a page without one.</summary>
    public Html Query { get; init; } = Html.Empty;

    /// <summary>The Atom feeds of what the page shows, besides the language's feed of the whole record (a municipality's own).</summary>
    public IReadOnlyList<ExplorerFeed> Feeds { get; init; } = [];

    /// <summary>The data version of what the page shows, at its foot (to cite it by); null for a page without data.</summary>
    public string? DataVersion { get; init; }
}

/// <summary>An Atom feed a page offers in its head (<c>&lt;link rel="alternate"&gt;</c>), so that a reader finds it from the page.</summary>
public sealed record ExplorerFeed(string Title, string Path);

/// <summary>The frame of every explorer page: skip link, header with menu, language switch and search, footer with the open data.</summary>
public static class ExplorerLayout
{
    /// <summary>The media type of the Atom feeds the pages link to.</summary>
    public const string FeedType = "application/atom+xml";

    public static string Render(ExplorerLanguage language, ExplorerPage page, string stylesheet)
    {
        var other = language.Other;
        Html NavItem(ExplorerSection section, string path, string label) => Html.Of(
            $"<li><a href=\"{path}\"{Html.If(page.Section == section, $" aria-current=\"page\"")}>{label}</a></li>");

        var searchBox = Html.Of($"<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"{SearchQueries.MaxTextLength}\" value=\"{page.SearchText}\">");
        return Html.Of($"""
            <!doctype html>
            <html lang="{language.Code}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{(page.Title.StartsWith(language.SiteName, StringComparison.Ordinal) ? page.Title : $"{page.Title} – {language.SiteName}")}</title>
            <link rel="stylesheet" href="{stylesheet}">
            <link rel="icon" href="/admin/favicon.svg" type="image/svg+xml">
            <link rel="alternate" hreflang="{other.Code}" href="{page.PathIn(other)}">
            {page.Feeds.Prepend(new ExplorerFeed(language.FeedTitle, language.Feed)).Select(feed => Html.Of(
                $"<link rel=\"alternate\" type=\"{FeedType}\" href=\"{feed.Path}\" title=\"{feed.Title}\">"))}
            </head>
            <body>
            <a class="skip" href="#innehall">{language.SkipToContent}</a>
            <header class="site">
            <div class="site-bar">
            <p class="brand"><a href="{language.Home}">{language.SiteName}</a> <span>{language.SiteTagline}</span></p>
            <nav aria-label="{language.MainMenu}">
            <ul>
            {NavItem(ExplorerSection.Timeline, language.Home, language.TimelineNav)}
            {NavItem(ExplorerSection.Map, language.Map, language.MapNav)}
            {NavItem(ExplorerSection.Search, language.Search, language.SearchNav)}
            <li><a href="{page.PathIn(other)}" lang="{other.Code}" hreflang="{other.Code}">{other.LanguageName}</a></li>
            </ul>
            </nav>
            </div>
            <form class="search" role="search" action="{language.Search}" method="get">
            <label for="q">{language.SearchLabel}</label>
            <span class="search-row">{searchBox}<button type="submit">{language.SearchButton}</button></span>
            </form>
            </header>
            <main id="innehall" tabindex="-1">
            {page.Body}
            {page.Query}
            </main>
            <footer class="site">
            <h2>{language.OpenDataHeading}</h2>
            <ul>
            <li><a href="/download/awards.csv">{language.AwardsCsv}</a></li>
            <li><a href="/download/nominations.csv">{language.NominationsCsv}</a></li>
            <li><a href="/graphql">{language.GraphiQL}</a></li>
            <li><a href="{language.Feed}" type="{FeedType}">{language.FeedLink}</a></li>
            </ul>
            <p>{language.SourcesNote} <a href="{language.Sources}">{language.SourcesLink}</a></p>
            {Html.If(page.DataVersion is not null, $"<p class=\"data-version\">{language.DataVersion(page.DataVersion!)}</p>")}
            </footer>
            </body>
            </html>

            """).Value;
    }
}

using Kvk.Domain.Sources;

namespace Kvk.Graph.Explorer;

/// <summary>
/// Sources as the pages show them, so that a reader can check each fact where it is shown: each source's title, linked
/// where the API gives an http(s) address (else the title as text: it then describes where the source is found, as the
/// seed document's does), its publisher and its date where known, and what is not known of it.
/// </summary>
public static class SourceCitations
{
    /// <summary>What sources support, in the order of a round's life: a round page groups its sources so.</summary>
    private static readonly string[] Order =
    [
        SourceSupports.NomineeList,
        SourceSupports.Nomination,
        SourceSupports.Decision,
        SourceSupports.Announcement,
        SourceSupports.MotivationCorrection,
        SourceSupports.Note,
    ];

    /// <summary>Sources of one fact, each once.</summary>
    public static Html Of(ExplorerLanguage language, IEnumerable<SourceRef> sources) =>
        Html.Of($"<ul class=\"source-list\">{sources.Distinct().Select(s => Html.Of($"<li>{Item(language, s)}</li>"))}</ul>");

    /// <summary>
    /// Sources grouped by what they support; a source that supports several facts of a group (the nominations it lists)
    /// stands once, with the facts it is named for.
    /// </summary>
    /// <param name="sources">Each source with the fact it is the source of, named where its group holds several (a nominee), else null.</param>
    public static Html Grouped(ExplorerLanguage language, IEnumerable<(SourceRef Source, string? For)> sources)
    {
        var groups = sources
            .GroupBy(s => s.Source.Supports, StringComparer.Ordinal)
            .OrderBy(g => Array.IndexOf(Order, g.Key) is var rank and >= 0 ? rank : Order.Length)
            .Select(g => Html.Of($"""
                <dt>{language.Supports(g.Key)}</dt>
                <dd><ul class="source-list">{g.GroupBy(s => s.Source).Select(same => Html.Of(
                    $"<li>{Item(language, same.Key)}{For(language, same)}</li>"))}</ul></dd>
                """));
        return Html.Of($"<dl class=\"sources\">{groups}</dl>");
    }

    private static Html For(ExplorerLanguage language, IEnumerable<(SourceRef Source, string? For)> same)
    {
        var facts = same.Select(s => s.For).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return Html.If(facts.Count > 0, $" <span class=\"source-for\">({language.SourceFor(language.List(facts))})</span>");
    }

    private static Html Item(ExplorerLanguage language, SourceRef source)
    {
        var address = WebAddress(source.Url);
        var title = address is null ? Html.Of($"<cite>{source.Title}</cite>") : Html.Of($"<cite><a href=\"{source.Url}\">{source.Title}</a></cite>");

        // A reader weighs a source by what is not known of it too: an address that is only a site, a missing date.
        List<string> unknown = [];
        if (address is { AbsolutePath: "/", Query: "" })
        {
            unknown.Add(language.SourceIsHomePage);
        }

        if (source.PublishedOn is null)
        {
            unknown.Add(language.SourceHasNoDate);
        }

        return Html.Of($"""
            {title}{Html.If(source.Publisher is not null, $", {source.Publisher}")}{Html.If(
                source.PublishedOn is not null,
                $", <time datetime=\"{source.PublishedOn}\">{source.PublishedOn}</time>")}{Html.If(
                unknown.Count > 0,
                $" <span class=\"meta\">({string.Join(", ", unknown)})</span>")}
            """);
    }

    /// <summary>The source's address when it is one a browser opens as a page (http or https); null for none or any other.</summary>
    private static Uri? WebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
}

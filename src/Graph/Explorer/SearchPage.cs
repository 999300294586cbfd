namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/sok?q=…</c> and <c>/en/search?q=…</c>: the API's <c>search</c> in the motivations, its hits in its order, each
/// with the API's excerpt and the matched words marked. A text the API refuses (empty, too long) gets a message on the
/// same page, in the page's language, with status 400.
/// </summary>
public static class SearchPage
{
    /// <summary>The most hits a page shows (the API's page holds at most 100); more than the record has awards for decades.</summary>
    public const int MaxHits = 50;

    public static ExplorerOperation Operation(string text) => ExplorerOperation.Of("Explorer/Search", ("text", text));

    /// <summary>The search's text from the address: a control character (a NUL above all) is nothing a search means.</summary>
    public static string? Text(string? query) => query is null ? null : new string([.. query.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();

    /// <param name="query">The address's <c>q</c>, as typed; null when none was asked.</param>
    /// <param name="text">What was sent to the API as the search's text.</param>
    /// <param name="data">The API's answer; null when no search ran or the API refused the text.</param>
    /// <param name="refusal">The API's words when it refused the text: told in the page's language where the page knows why.</param>
    public static ExplorerPage Render(
        ExplorerLanguage language,
        string? query,
        string? text,
        SearchData? data,
        IReadOnlyList<string>? refusal,
        int maxTextLength)
    {
        var hits = data?.Search.Nodes ?? [];
        var showing = data is not null && data.Search.TotalCount > hits.Count ? " " + language.SearchShowingFirst(hits.Count) : "";
        var outcome = (text, data) switch
        {
            (null, _) => Html.Empty,
            (_, null) when text.Length == 0 => Refused(language.SearchEmpty, refusal),
            (_, null) when text.Length > maxTextLength => Refused(language.SearchTooLong(maxTextLength, text.Length), refusal),
            (_, null) => Refused(language.SearchRefused, refusal),
            _ when hits.Count == 0 => Html.Of($"<p class=\"notice\" role=\"status\">{language.SearchNoHits(text)}</p>"),
            _ => Html.Of($"""
                <p role="status">{language.SearchResults(text, data.Search.TotalCount)}{showing}</p>
                <ol class="hits">
                {hits.Select(hit => Hit(language, hit))}
                </ol>
                """),
        };

        var queryString = query is null ? "" : "?q=" + Uri.EscapeDataString(query);
        return new ExplorerPage(
            string.IsNullOrEmpty(text) ? language.SearchTitle : $"{language.SearchTitle}: {text}",
            Html.Of($"""
                <h1>{language.SearchTitle}</h1>
                <p>{language.SearchHelp}</p>
                <ul class="tips">
                {language.SearchTips.Select(tip =>
                    Html.Of($"<li><a href=\"{language.Search}?q={Uri.EscapeDataString(tip.Example)}\"><code lang=\"sv\">{tip.Example}</code></a> " +
                        $"{tip.Finds}</li>"))}
                </ul>
                {outcome}
                """),
            other => other.Search + queryString,
            ExplorerSection.Search,
            refusal is not null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            query);
    }

    /// <summary>Why the search did not run, in the page's language, and the API's own words beside it (what a client of the API reads).</summary>
    private static Html Refused(string why, IReadOnlyList<string>? refusal) =>
        Html.Of($"<p class=\"notice\" role=\"status\">{why}" +
            $"{Html.If(refusal is { Count: > 0 }, $" <span lang=\"en\">{string.Join(" ", refusal ?? [])}</span>")}</p>");

    private static Html Hit(ExplorerLanguage language, SearchHit hit)
    {
        var award = hit.Award;
        var municipality = ExplorerLinks.Municipality(language, new MunicipalityName(award.Municipality.Code, award.Municipality.Name));
        return Html.Of($"""
            <li>
            <h2><a href="{language.Round(award.Year)}">{language.RoundTitle(award.Year)}</a>: {award.RecipientName}</h2>
            <p class="excerpt" lang="sv">{Passages(hit.Excerpt, award.Motivation)}</p>
            <p class="meta">{municipality}, {award.Municipality.County.Name}</p>
            </li>
            """);
    }

    /// <summary>The API's excerpt, with an ellipsis where the motivation has words before or after it.</summary>
    private static Html Passages(string excerpt, string motivation)
    {
        var fragments = excerpt.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Split(" … ");
        var first = motivation.IndexOf(fragments[0], StringComparison.Ordinal);
        var last = motivation.LastIndexOf(fragments[^1], StringComparison.Ordinal);
        var before = first > 0 && motivation[..first].Any(char.IsLetterOrDigit);
        var after = last >= 0 && motivation[(last + fragments[^1].Length)..].Any(char.IsLetterOrDigit);
        return Html.Of($"{(before ? "… " : "")}{Marked(excerpt)}{(after ? " …" : "")}");
    }

    /// <summary>
    /// The excerpt as HTML: its text escaped, its <c>&lt;mark&gt;</c> and <c>&lt;/mark&gt;</c> as elements. A
    /// motivation that itself held those words would at worst be highlighted: nothing else can become markup,
    /// and the marks written always pair up.
    /// </summary>
    public static Html Marked(string excerpt)
    {
        const string open = "<mark>";
        const string close = "</mark>";
        var parts = new List<Html>();
        var marked = false;
        var position = 0;
        while (position < excerpt.Length)
        {
            var tag = marked ? close : open;
            var next = excerpt.IndexOf(tag, position, StringComparison.Ordinal);
            var part = next < 0 ? excerpt[position..] : excerpt[position..next];
            parts.Add(marked ? Html.Of($"<mark>{part}</mark>") : Html.Of($"{part}"));
            if (next < 0)
            {
                break;
            }

            marked = !marked;
            position = next + tag.Length;
        }

        return Html.Join(parts);
    }
}

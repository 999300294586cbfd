using Kvk.Domain.Municipalities;
using Kvk.Graph.Search;

namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/sok?q=…</c> and <c>/en/search?q=…</c>: the motivations that match, best first, each with its passages
/// and the matched words marked. A missing, empty or too long text gets a message on the same page.
/// </summary>
public static class SearchPage
{
    public static ExplorerPage Render(ExplorerLanguage language, MunicipalityDirectory municipalities, string? query, string? text, SearchProblem problem, IReadOnlyList<MotivationHit> hits)
    {
        var outcome = problem switch
        {
            SearchProblem.NotAsked => Html.Empty,
            SearchProblem.Empty => Html.Of($"<p class=\"notice\" role=\"status\">{language.SearchEmpty}</p>"),
            SearchProblem.TooLong => Html.Of($"<p class=\"notice\" role=\"status\">{language.SearchTooLong(SearchQueries.MaxTextLength, text!.Length)}</p>"),
            _ when hits.Count == 0 => Html.Of($"<p class=\"notice\" role=\"status\">{language.SearchNoHits(text!)}</p>"),
            _ => Html.Of($"""
                <p role="status">{language.SearchResults(text!, hits.Count)}{(hits.Count == MotivationSearch.MaxHits ? " " + language.SearchShowingFirst(hits.Count) : "")}</p>
                <ol class="hits">
                {hits.Select(hit => Hit(language, municipalities, hit))}
                </ol>
                """),
        };

        var queryString = query is null ? "" : "?q=" + Uri.EscapeDataString(query);
        return new ExplorerPage(
            text is null ? language.SearchTitle : $"{language.SearchTitle}: {text}",
            Html.Of($"""
                <h1>{language.SearchTitle}</h1>
                <p>{language.SearchHelp}</p>
                <ul class="tips">
                {language.SearchTips.Select(tip => Html.Of($"<li><a href=\"{language.Search}?q={Uri.EscapeDataString(tip.Example)}\"><code lang=\"sv\">{tip.Example}</code></a> {tip.Finds}</li>"))}
                </ul>
                {outcome}
                """),
            other => other.Search + queryString,
            ExplorerSection.Search,
            problem == SearchProblem.TooLong ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            query);
    }

    private static Html Hit(ExplorerLanguage language, MunicipalityDirectory municipalities, MotivationHit hit)
    {
        var award = hit.Award;
        return Html.Of($"""
            <li>
            <h2><a href="{language.Round(award.Year)}">{language.RoundTitle(award.Year)}</a>: {award.RecipientName}</h2>
            <p class="excerpt" lang="sv">{hit.Excerpt}</p>
            <p class="meta">{ExplorerLinks.Municipality(language, municipalities, award.MunicipalityCode)}, {award.CountyName}</p>
            </li>
            """);
    }
}

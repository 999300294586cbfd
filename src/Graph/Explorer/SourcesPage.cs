namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/kallor</c> and <c>/en/sources</c>: the record's terms and sources as the API's <c>meta</c> states them (one
/// source of these words for the API, the downloads and this page), and a way to each round's own sources. The footer of
/// every page links it.
/// </summary>
public static class SourcesPage
{
    public static ExplorerOperation Operation { get; } = ExplorerOperation.Of("Explorer/Sources");

    public static ExplorerPage Render(ExplorerLanguage language, SourcesData data)
    {
        var rounds = data.Rounds.Nodes.Select(r => Html.Of(
            $"<li>{ExplorerLinks.Round(language, r.Year)}{Html.If(r.NomineesKnown == NomineesKnownValue.WinnerOnly, $" ({language.WinnerOnlyShort})")}</li>"));
        // The licence and what each source supports are the API's words (DataTerms), in English only: a translation here
        // would be a second text to keep.
        var sources = data.Meta.Sources.Select(s => Html.Of($"<dt lang=\"en\">{s.Supports}</dt><dd>{SourceCitations.Of(language, [s])}</dd>"));
        return new ExplorerPage(
            language.SourcesTitle,
            Html.Of($"""
                <h1>{language.SourcesTitle}</h1>
                <p class="lead">{language.SourcesPageIntro}</p>
                <h2>{language.TermsHeading}</h2>
                <p>{language.TermsIntro}</p>
                <blockquote class="licence" lang="en"><p>{data.Meta.Licence}</p></blockquote>
                <p>{language.DataVersion(data.Meta.DataVersion)}</p>
                <h2>{language.RecordSourcesHeading}</h2>
                <dl class="sources">{sources}</dl>
                <h2>{language.RoundSourcesHeading}</h2>
                <p>{language.RoundSourcesIntro}</p>
                <ul class="round-links">{rounds}</ul>
                <p>{language.SourceFilesNote}</p>
                """),
            other => other.Sources);
    }
}

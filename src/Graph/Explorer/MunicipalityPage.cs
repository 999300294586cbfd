using Kvk.Domain.Rounds;

namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/kommun/{code}</c> and <c>/en/municipality/{code}</c>: a municipality's awards and nominations with the sources of
/// each, its county, and its data elsewhere.
/// </summary>
public static class MunicipalityPage
{
    public static ExplorerOperation Operation(string code) => ExplorerOperation.Of("Explorer/Municipality", ("code", code));

    /// <summary>The municipality's page; null when no municipality has the code.</summary>
    public static ExplorerPage? Render(ExplorerLanguage language, MunicipalityData data)
    {
        if (data.Municipality is not { } municipality)
        {
            return null;
        }

        var code = municipality.Code;
        var achievement = municipality.Achievement;
        var awardSections = municipality.Awards.Select(a => Html.Of($"""
            <section class="award">
            <h3><a href="{language.Round(a.Year)}">{language.RoundTitle(a.Year)}</a>: {a.RecipientName}</h3>
            <blockquote class="motivation" lang="sv"><p>{a.Motivation}</p></blockquote>
            </section>
            """));
        var rows = municipality.Nominations.Select(n => Html.Of(
            $"<tr><th scope=\"row\">{ExplorerLinks.Round(language, n.Year)}</th><td>{Result(language, n)}</td></tr>"));
        var sources = municipality.Nominations.Select(n => (Fact: language.SourcesOfNomination(n.Year), n.Sources))
            .Concat(municipality.Awards.Select(a => (Fact: language.SourcesOfAward(a.Year), a.Sources)))
            .Select(f => Html.Of($"<dt>{f.Fact}</dt><dd>{SourceCitations.Of(language, f.Sources)}</dd>"));
        var koladaYears = municipality.Nominations.Select(n => n.Year).Distinct().Select(year => Html.Of(
            $"<li><a href=\"{MunicipalityElsewhere.KoladaData(code, year)}\">{language.KoladaDataLink} {year}</a></li>"));

        return new ExplorerPage(
            municipality.Name,
            Html.Of($"""
                <h1>{municipality.Name}</h1>
                <p class="lead">{language.MunicipalityIntro(municipality.OfficialName, municipality.County.Name)} {language.CodeLabel} {code}.</p>
                <p class="achievement {achievement.CssClass}">{achievement.Describe(language)}</p>
                {Html.If(municipality.Awards.Count > 0, $"<h2>{language.AwardsHeading}</h2>{awardSections}")}
                <h2>{language.NominationsHeading}</h2>
                {(municipality.Nominations.Count == 0
                    ? Html.Of($"<p>{language.NeverNominated}</p>")
                    : Html.Of($"<table class=\"narrow\"><caption>{language.NominationsCaption(municipality.Name)}</caption>" +
                        $"<thead><tr>{Html.ColumnHeads(language.YearColumn, language.ResultColumn)}</tr></thead><tbody>{rows}</tbody></table>"))}
                {Html.If(
                    municipality.Nominations.Count + municipality.Awards.Count > 0,
                    $"<h2>{language.SourcesHeading}</h2><dl class=\"sources\">{sources}</dl>")}
                <h2>{language.ElsewhereHeading}</h2>
                <ul class="elsewhere">
                <li><a href="{MunicipalityElsewhere.KoladaSite}">{language.KoladaSiteLink}</a></li>
                <li><a href="{municipality.KoladaUrl}">{language.KoladaLink}</a></li>
                {koladaYears}
                {Html.If(
                    municipality.WikidataId is not null,
                    $"<li><a href=\"{MunicipalityElsewhere.Wikidata(municipality.WikidataId!)}\">{language.WikidataLink}</a></li>")}
                </ul>
                <p><a href="{language.Map}">{language.AllOnTheMap}</a></p>
                <p class="feed"><a href="{language.MunicipalityFeed(code)}" type="{ExplorerLayout.FeedType}">{language.MunicipalityFeedLink(municipality.Name)}</a></p>
                """),
            other => other.Municipality(code))
        {
            Feeds = [new ExplorerFeed(language.MunicipalityFeedTitle(municipality.Name), language.MunicipalityFeed(code))],
        };
    }

    private static string Result(ExplorerLanguage language, MunicipalityNomination nomination) => nomination switch
    {
        { WithdrawnAt: not null } => language.WithdrawnBecause(nomination.WithdrawalReason ?? ""),
        { IsWinner: true } => language.WinnerLabel,
        { Round.Status: RoundStatus.Announced } => language.NominatedResult,
        _ => language.NominatedNotDecided,
    };
}

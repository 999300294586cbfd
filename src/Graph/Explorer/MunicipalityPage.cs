using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Explorer;

/// <summary><c>/kommun/{code}</c> and <c>/en/municipality/{code}</c>: a municipality's awards and nominations, its county, and its data elsewhere.</summary>
public static class MunicipalityPage
{
    public static ExplorerPage Render(ExplorerLanguage language, PublicRecord record, MunicipalityDirectory municipalities, MunicipalityElsewhere elsewhere, string code)
    {
        if (municipalities.Find(code) is not { } municipality || municipality.Code != code)
        {
            return NotFoundPage.Render(language, language.NoSuchMunicipality(code), other => other.Municipality(code));
        }

        var awards = record.Awards.Where(a => a.MunicipalityCode == code).ToList();
        var nominations = record.Nominations.Where(n => n.MunicipalityCode == code).ToList();
        var achievement = MunicipalityAchievement.Of(record, code);

        var awardSections = awards.Select(a => Html.Of($"""
            <section class="award">
            <h3><a href="{language.Round(a.Year)}">{language.RoundTitle(a.Year)}</a>: {a.RecipientName}</h3>
            <blockquote class="motivation" lang="sv"><p>{a.Motivation}</p></blockquote>
            </section>
            """));
        var rows = nominations.Select(n => Html.Of(
            $"<tr><th scope=\"row\">{ExplorerLinks.Round(language, n.Year)}</th><td>{Result(language, record, n)}</td></tr>"));
        var wikidata = elsewhere.Wikidata(code);
        var koladaYears = nominations.Select(n => n.Year).Distinct().Select(year => Html.Of(
            $"<li><a href=\"{MunicipalityElsewhere.KoladaData(code, year)}\">{language.KoladaDataLink} {year}</a></li>"));

        return new ExplorerPage(
            municipality.Name,
            Html.Of($"""
                <h1>{municipality.Name}</h1>
                <p class="lead">{language.MunicipalityIntro(municipality.OfficialName, municipality.County.Name)} {language.CodeLabel} {code}.</p>
                <p class="achievement {achievement.CssClass}">{achievement.Describe(language)}</p>
                {Html.If(awards.Count > 0, $"<h2>{language.AwardsHeading}</h2>{awardSections}")}
                <h2>{language.NominationsHeading}</h2>
                {(nominations.Count == 0
                    ? Html.Of($"<p>{language.NeverNominated}</p>")
                    : Html.Of($"<table class=\"narrow\"><caption>{language.NominationsCaption(municipality.Name)}</caption><thead><tr><th scope=\"col\">{language.YearColumn}</th><th scope=\"col\">{language.ResultColumn}</th></tr></thead><tbody>{rows}</tbody></table>"))}
                <h2>{language.ElsewhereHeading}</h2>
                <ul class="elsewhere">
                <li><a href="{MunicipalityElsewhere.Kolada(code)}">{language.KoladaLink}</a></li>
                {koladaYears}
                {Html.If(wikidata is not null, $"<li><a href=\"{wikidata}\">{language.WikidataLink}</a></li>")}
                </ul>
                <p><a href="{language.Map}">{language.AllOnTheMap}</a></p>
                """),
            other => other.Municipality(code));
    }

    private static string Result(ExplorerLanguage language, PublicRecord record, NominationView nomination) => nomination switch
    {
        { WithdrawnAt: not null } => language.WithdrawnBecause(nomination.WithdrawalReason ?? ""),
        { IsWinner: true } => language.WinnerLabel,
        _ when record.Round(nomination.Year)?.Status == RoundStatus.Announced => language.NominatedResult,
        _ => language.NominatedNotDecided,
    };
}

using Kvk.Domain.Municipalities;

namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/karta</c> and <c>/en/map</c>: the 290 municipalities coloured by what each has achieved, every one a
/// link with an accessible name; beside the map the same facts as tables (per county, and per municipality
/// that has been nominated), so that colour is never the only carrier of meaning.
/// </summary>
/// <remarks>
/// The record (who won, who stood, when) is the API's answer to <c>Explorer/Map</c>, counted per municipality and year
/// rather than listed, so that it never outgrows a page of 100. The 290 municipalities themselves (names, counties,
/// boundaries) are reference data that never changes with the record: they come from the
/// <see cref="MunicipalityDirectory"/> and SCB's boundaries, as the API's own <c>municipalities</c> do.
/// </remarks>
public static class MapPage
{
    public static ExplorerOperation Operation { get; } = ExplorerOperation.Of("Explorer/Map");

    public static ExplorerPage Render(ExplorerLanguage language, MapData data, MunicipalityDirectory municipalities, SwedenMap map)
    {
        var recorded = data.Achievements();
        var achievements = municipalities.All.ToDictionary(
            m => m.Code,
            m => recorded.GetValueOrDefault(m.Code) ?? MunicipalityAchievement.None,
            StringComparer.Ordinal);
        int Count(string cssClass) => achievements.Values.Count(a => a.CssClass == cssClass);

        var shapes = municipalities.All.Where(m => map.Municipalities.ContainsKey(m.Code)).Select(m =>
        {
            var achievement = achievements[m.Code];
            var name = $"{m.Name}: {achievement.Describe(language)}";
            return Html.Of($"<a href=\"{language.Municipality(m.Code)}\" class=\"{achievement.CssClass}\" aria-label=\"{name}\"><title>{name}</title>" +
                $"<path d=\"{map.Municipalities[m.Code]}\"/></a>\n");
        });
        var borders = map.Counties.Select(d => Html.Of($"<path d=\"{d}\"/>"));

        var countyRows = municipalities.Counties.Select(county =>
        {
            var codes = municipalities.InCounty(county.Code).Select(m => m.Code).ToList();
            var (nominated, won) = (codes.Sum(c => achievements[c].NominatedIn.Count), codes.Sum(c => achievements[c].WonIn.Count));
            return Html.Of($"<tr><th scope=\"row\">{county.Name}</th><td>{codes.Count}</td><td>{nominated}</td><td>{won}</td></tr>");
        });
        var achievers = ExplorerLanguage.Alphabetical(municipalities.All.Where(m => achievements[m.Code].CssClass != "never"), m => m.Name);
        var achieverRows = achievers.Select(m =>
        {
            var link = ExplorerLinks.Municipality(language, new MunicipalityName(m.Code, m.Name));
            var (won, nominated) = (Years(language, achievements[m.Code].WonIn), Years(language, achievements[m.Code].NominatedIn));
            return Html.Of($"<tr><th scope=\"row\">{link}</th><td>{m.County.Name}</td><td>{won}</td><td>{nominated}</td></tr>");
        });

        var (allNominations, allWins) = (achievements.Values.Sum(a => a.NominatedIn.Count), achievements.Values.Sum(a => a.WonIn.Count));
        var countyHeads = Html.ColumnHeads(language.CountyColumn, language.MunicipalitiesColumn, language.NominationsColumn, language.WinsColumn);
        var achieverHeads = Html.ColumnHeads(language.MunicipalityColumn, language.CountyColumn, language.WinsColumn, language.NominationsColumn);
        return new ExplorerPage(
            language.MapNav,
            Html.Of($"""
                <h1>{language.MapTitle}</h1>
                <p class="lead">{language.MapIntro}</p>
                <div class="map-layout">
                <figure class="map">
                <a class="skip-map" href="#per-lan">{language.SkipMap}</a>
                <svg viewBox="0 0 {map.Width} {map.Height}" role="group" aria-label="{language.MapLabel}">
                <defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                <rect class="hatch-ground" width="5" height="5"/><rect class="hatch-line" width="2" height="5"/></pattern></defs>
                <g class="municipalities">
                {shapes}
                </g>
                <g class="counties" aria-hidden="true">{borders}</g>
                </svg>
                <figcaption>
                <h2 class="legend-heading">{language.LegendHeading}</h2>
                <ul class="legend">
                <li><span class="swatch winner"></span>{language.LegendWinner} ({Count("winner")} {language.Municipalities})</li>
                <li><span class="swatch nominee"></span>{language.LegendNominee} ({Count("nominee")} {language.Municipalities})</li>
                <li><span class="swatch never"></span>{language.LegendNever} ({Count("never")} {language.Municipalities})</li>
                </ul>
                <p class="attribution">{language.MapAttribution}</p>
                </figcaption>
                </figure>
                <div class="map-tables">
                <h2 id="per-lan" tabindex="-1">{language.CountyTableHeading}</h2>
                <table class="numbers">
                <caption>{language.CountyTableCaption}</caption>
                <thead><tr>{countyHeads}</tr></thead>
                <tbody>
                {countyRows}
                </tbody>
                <tfoot><tr><th scope="row">{language.TotalRow}</th><td>{municipalities.All.Count}</td><td>{allNominations}</td><td>{allWins}</td></tr></tfoot>
                </table>
                <h2>{language.AchieversHeading}</h2>
                <table>
                <caption>{language.AchieversCaption}</caption>
                <thead><tr>{achieverHeads}</tr></thead>
                <tbody>
                {achieverRows}
                </tbody>
                </table>
                </div>
                </div>
                """),
            other => other.Map,
            ExplorerSection.Map);
    }

    private static Html Years(ExplorerLanguage language, IReadOnlyList<int> years) =>
        Html.Join(years.Order().Select((year, i) => Html.Of($"{(i > 0 ? ", " : "")}{ExplorerLinks.Round(language, year)}")));
}

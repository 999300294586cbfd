using System.Globalization;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Explorer;

/// <summary><c>/</c> and <c>/en</c>: every round, newest first, with its status, its winner once announced, and its nominees.</summary>
public static class TimelinePage
{
    public static ExplorerPage Render(ExplorerLanguage language, PublicRecord record, MunicipalityDirectory municipalities)
    {
        var span = record.Rounds.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {record.Rounds[0].Year}–{record.Rounds[^1].Year}");
        var rounds = record.Rounds.Reverse().Select(round =>
        {
            var award = record.Award(round.Year);
            var nominees = ExplorerLanguage.Alphabetical(round.NomineeCodes.Select(municipalities.Find).OfType<Municipality>(), m => m.Name)
                .Select(m => Html.Of($"<li>{ExplorerLinks.Municipality(language, m)}</li>"));
            return Html.Of($"""
                <li class="round">
                <h3><a href="{language.Round(round.Year)}">{language.RoundTitle(round.Year)}</a></h3>
                <dl>
                <dt>{language.StatusLabel}</dt><dd>{language.Status(round.Status)}</dd>
                {Html.If(award is not null, $"<dt>{language.WinnerLabel}</dt><dd class=\"winner\">{ExplorerLinks.Recipient(language, award!)}</dd>")}
                <dt>{language.NomineesLabel}</dt><dd>{(round.NomineeCodes.Count == 0 ? Html.Of($"{language.NoNomineesYet}") : Html.Of($"<ul class=\"nominees\">{nominees}</ul>"))}</dd>
                </dl>
                </li>
                """);
        });

        return new ExplorerPage(
            language.TimelineNav,
            Html.Of($"""
                <h1>{language.TimelineTitle}</h1>
                <p class="lead">{language.AwardIntro}</p>
                <h2>{language.RoundsHeading}{span}</h2>
                <ol class="timeline">
                {rounds}
                </ol>
                """),
            other => other.Home,
            ExplorerSection.Timeline);
    }
}

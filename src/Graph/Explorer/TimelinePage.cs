using System.Globalization;

namespace Kvk.Graph.Explorer;

/// <summary><c>/</c> and <c>/en</c>: every round, newest first, with its status, its winner once announced, and its nominees.</summary>
public static class TimelinePage
{
    public static ExplorerOperation Operation { get; } = ExplorerOperation.Of("Explorer/Timeline");

    public static ExplorerPage Render(ExplorerLanguage language, TimelineData data)
    {
        var rounds = data.Rounds.Nodes;
        var span = rounds.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {rounds[^1].Year}–{rounds[0].Year}");
        var items = rounds.Select(round =>
        {
            var nominees = ExplorerLanguage.Alphabetical(round.Nominees.Select(n => n.Municipality), m => m.Name)
                .Select(m => Html.Of($"<li>{ExplorerLinks.Municipality(language, m)}</li>"));
            var nomineeList = round.Nominees.Count == 0 ? Html.Of($"{language.NoNomineesYet}") : Html.Of($"<ul class=\"nominees\">{nominees}</ul>");
            return Html.Of($"""
                <li class="round">
                <h3><a href="{language.Round(round.Year)}">{language.RoundTitle(round.Year)}</a></h3>
                <dl>
                <dt>{language.StatusLabel}</dt><dd>{language.Status(round.Status)}</dd>
                {Html.If(
                    round.Award is not null,
                    $"<dt>{language.WinnerLabel}</dt><dd class=\"winner\">" +
                    $"{ExplorerLinks.Recipient(language, round.Award!.RecipientName, round.Award.Municipality.Code)}</dd>")}
                <dt>{language.NomineesLabel}</dt><dd>{nomineeList}</dd>
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
                {items}
                </ol>
                """),
            other => other.Home,
            ExplorerSection.Timeline);
    }
}

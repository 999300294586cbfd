using JasperFx.Events;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Graph.Rounds;
using Kvk.Storage.Rounds;
using Kvk.Storage.Seeding;

namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/omgang/{year}</c> and <c>/en/round/{year}</c>: a round's nominees, the award and its motivation once
/// announced, and the round's events as the public may read them.
/// </summary>
public static class RoundPage
{
    public static ExplorerPage Render(ExplorerLanguage language, PublicRecord record, MunicipalityDirectory municipalities, int year, IReadOnlyList<IEvent> events)
    {
        if (record.Round(year) is not { } round)
        {
            return NotFoundPage.Render(language, language.NoSuchRound(year), other => other.Round(year));
        }

        var award = record.Award(year);
        Html Link(string code) => ExplorerLinks.Municipality(language, municipalities, code);

        var nominees = ExplorerLanguage.Alphabetical(record.Standing(year), n => n.MunicipalityName).Select(n => Html.Of(
            $"<li>{Link(n.MunicipalityCode)}, {municipalities.Find(n.MunicipalityCode)?.County.Name}{Html.If(n.IsWinner, $" <strong>({language.Winner})</strong>")}</li>"));
        var withdrawn = record.Withdrawn(year).Select(n => Html.Of(
            $"<li>{Link(n.MunicipalityCode)}: {n.WithdrawalReason}</li>")).ToList();

        // An announcement states the motivation the decision recorded; the decision's entry shows it once.
        var history = RoundHistoryEntry.Describe(events, municipalities, secretariat: false).Select(entry => Html.Of($"""
            <li>
            <p>{language.History.Describe(entry, Link)}</p>
            <p class="meta">{language.RecordedAt} <time datetime="{ExplorerLanguage.MachineTime(entry.OccurredAt)}">{ExplorerLanguage.Timestamp(entry.OccurredAt)}</time> {language.RecordedBy} {(entry.Actor == SeedImporter.Actor ? language.SeedImport : entry.Actor)}</p>
            {Html.If(entry.Motivation is not null && entry.Type != "award_announced", $"<details><summary>{language.MotivationOfEvent}</summary><blockquote lang=\"sv\"><p>{entry.Motivation}</p></blockquote></details>")}
            </li>
            """));

        var previous = record.Rounds.LastOrDefault(r => r.Year < year);
        var next = record.Rounds.FirstOrDefault(r => r.Year > year);

        var decision = award is null
            ? Html.Of($"<p>{language.NoWinnerYet(round.Status)}</p>")
            : Html.Of($"""
                <h2>{language.WinnerLabel}: {ExplorerLinks.Recipient(language, award)}</h2>
                <p>{language.AnnouncedLabel}: {(award.AnnouncedAt is { } announced ? language.Date(announced) : language.AnnouncedInYear(award.Year))}</p>
                <h3>{language.MotivationHeading}</h3>
                <blockquote class="motivation" lang="sv"><p>{award.Motivation}</p></blockquote>
                """);

        return new ExplorerPage(
            language.RoundTitle(year),
            Html.Of($"""
                <h1>{language.RoundTitle(year)}</h1>
                <p class="status"><span class="label">{language.StatusLabel}:</span> {language.Status(round.Status)}</p>
                <section class="decision">
                {decision}
                </section>
                <section>
                <h2>{language.NomineesLabel}</h2>
                {(round.NomineeCodes.Count == 0 ? Html.Of($"<p>{language.NoNomineesYet}</p>") : Html.Of($"<ul class=\"nominees nominee-list\">{nominees}</ul>"))}
                {Html.If(withdrawn.Count > 0, $"<h3>{language.WithdrawnHeading}</h3><ul>{withdrawn}</ul>")}
                </section>
                <section>
                <h2>{language.HistoryHeading}</h2>
                <p>{language.HistoryIntro}</p>
                <ol class="history">
                {history}
                </ol>
                </section>
                <nav class="pager" aria-label="{language.OtherRounds}">
                <ul>
                {Html.If(previous is not null, $"<li><a href=\"{language.Round(previous!.Year)}\" rel=\"prev\">{language.PreviousRound}: {previous.Year}</a></li>")}
                {Html.If(next is not null, $"<li><a href=\"{language.Round(next!.Year)}\" rel=\"next\">{language.NextRound}: {next.Year}</a></li>")}
                </ul>
                </nav>
                """),
            other => other.Round(year));
    }
}

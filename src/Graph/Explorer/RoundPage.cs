namespace Kvk.Graph.Explorer;

/// <summary>
/// <c>/omgang/{year}</c> and <c>/en/round/{year}</c>: a round's nominees (and how much of their list is known), the
/// award and its motivation once announced, the round's notes, the sources of each of these, and the round's history
/// as the API tells it to the public.
/// </summary>
public static class RoundPage
{
    /// <summary>Who recorded the imported history, as the API's <c>RoundEvent.actor</c> names it.</summary>
    public const string SeedImportActor = "seed-import";

    public static ExplorerOperation Operation(int year) => ExplorerOperation.Of("Explorer/Round", ("year", year));

    /// <summary>The round's page; null when the year has no round.</summary>
    public static ExplorerPage? Render(ExplorerLanguage language, RoundData data, int year)
    {
        if (data.Round is not { } round)
        {
            return null;
        }

        Html Link(MunicipalityName municipality) => ExplorerLinks.Municipality(language, municipality);
        string? Actor(string? actor) => actor == SeedImportActor ? language.SeedImport : actor;
        Html Time(DateTimeOffset moment) =>
            Html.Of($"<time datetime=\"{ExplorerLanguage.MachineTime(moment)}\">{ExplorerLanguage.Timestamp(moment)}</time>");

        var nominees = ExplorerLanguage.Alphabetical(round.Nominees, n => n.Municipality.Name).Select(n => Html.Of(
            $"<li>{Link(new MunicipalityName(n.Municipality.Code, n.Municipality.Name))}, " +
                $"{n.Municipality.County.Name}{Html.If(n.IsWinner, $" <strong>({language.Winner})</strong>")}</li>"));
        var withdrawn = data.Withdrawn.Nodes.Select(n => Html.Of(
            $"<li>{Link(n.Municipality)}: {n.WithdrawalReason}</li>")).ToList();

        // An announcement states the motivation the decision recorded; the decision's entry shows it once.
        var history = round.History.Select(entry => Html.Of($"""
            <li>
            <p>{language.History.Describe(entry, Link)}</p>
            <p class="meta">{language.RecordedAt} {Time(entry.OccurredAt)} {language.RecordedBy} {Actor(entry.Actor)}</p>
            {Html.If(
                entry.Motivation is not null && entry.Type != "award_announced",
                $"<details><summary>{language.MotivationOfEvent}</summary><blockquote lang=\"sv\"><p>{entry.Motivation}</p></blockquote></details>")}
            </li>
            """));

        // The seeded notes are written in English (seeds/rounds.json), and only the seed import records notes.
        var notes = round.Notes.Select(note => Html.Of($"""
            <li>
            <p lang="en">{note.Text}</p>
            {SourceCitations.Of(language, note.Sources)}
            </li>
            """));
        var coverage = language.NomineeCoverage(round.NomineesKnown);
        IEnumerable<(SourceRef, string?)> sources =
        [
            .. round.Sources.Select(s => (s, (string?)null)),
            .. round.Nominees.SelectMany(n => n.Sources.Select(s => (s, (string?)n.Municipality.Name))),
            .. (round.Decision?.Sources ?? []).Select(s => (s, (string?)null)),
            .. (round.Award?.Sources ?? []).Select(s => (s, (string?)null)),
            .. round.Notes.SelectMany(n => n.Sources).Select(s => (s, (string?)null)),
        ];

        var previous = data.Previous.Nodes is [var before, ..] ? before : null;
        var next = data.Next.Nodes is [var after, ..] ? after : null;

        var award = round.Award;
        var decision = award is null
            ? Html.Of($"<p>{language.NoWinnerYet(round.Status)}</p>")
            : Html.Of($"""
                <h2>{language.WinnerLabel}: {ExplorerLinks.Recipient(language, award.RecipientName, award.Municipality.Code)}</h2>
                <p>{language.AnnouncedLabel}: {(award.AnnouncedAt is { } announced ? language.Date(announced) : language.AnnouncedInYear(year))}</p>
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
                {Html.If(coverage is not null, $"<p class=\"notice coverage\">{coverage}</p>")}
                {(round.Nominees.Count == 0 ? Html.Of($"<p>{language.NoNomineesYet}</p>") : Html.Of($"<ul class=\"nominees nominee-list\">{nominees}</ul>"))}
                {Html.If(withdrawn.Count > 0, $"<h3>{language.WithdrawnHeading}</h3><ul>{withdrawn}</ul>")}
                </section>
                {Html.If(
                    round.Notes.Count > 0,
                    $"<section class=\"notes\"><h2>{language.NotesHeading}</h2><p>{language.NotesIntro}</p><ul>{notes}</ul></section>")}
                <section class="provenance">
                <h2>{language.SourcesHeading}</h2>
                <p>{language.SourcesIntro}</p>
                {SourceCitations.Grouped(language, sources)}
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
                {Html.If(
                    previous is not null,
                    $"<li><a href=\"{language.Round(previous!.Year)}\" rel=\"prev\">{language.PreviousRound}: {previous.Year}</a></li>")}
                {Html.If(next is not null, $"<li><a href=\"{language.Round(next!.Year)}\" rel=\"next\">{language.NextRound}: {next.Year}</a></li>")}
                </ul>
                </nav>
                """),
            other => other.Round(year));
    }
}

namespace Kvk.Graph.Explorer;

/// <summary>
/// A round's events told in one language, from what the API's <c>round { history }</c> gives each (<see cref="HistoryEntry"/>):
/// its type and the fields that type fills in. The API keeps the jury's decision secret until the announcement: an
/// undisclosed decision (or revision) comes without a municipality, and is told as a secret.
/// </summary>
public sealed class HistoryPhrases
{
    private HistoryPhrases()
    {
    }

    private Func<Html> Opened { get; init; } = null!;

    private Func<Html, Html> Nominated { get; init; } = null!;

    private Func<Html, string, Html> Withdrawn { get; init; } = null!;

    private Func<Html> Closed { get; init; } = null!;

    private Func<Html> SecretDecision { get; init; } = null!;

    private Func<Html, Html> Decision { get; init; } = null!;

    private Func<Html, Html> Announced { get; init; } = null!;

    private Func<string, Html> Corrected { get; init; } = null!;

    private Func<Html> SecretRevision { get; init; } = null!;

    private Func<Html, string, Html> Revised { get; init; } = null!;

    private Func<DateTimeOffset, Html> Scheduled { get; init; } = null!;

    private Func<Html> ScheduleCancelled { get; init; } = null!;

    private Func<Html> ListSourced { get; init; } = null!;

    private Func<Html> NoteAdded { get; init; } = null!;

    /// <param name="municipality">A link to a municipality's page.</param>
    public Html Describe(HistoryEntry entry, Func<MunicipalityName, Html> municipality) => entry switch
    {
        { Type: "round_opened" } => Opened(),
        { Type: "municipality_nominated", Municipality: { } m } => Nominated(municipality(m)),
        { Type: "nomination_withdrawn", Municipality: { } m } => Withdrawn(municipality(m), entry.Reason ?? ""),
        { Type: "nominations_closed" } => Closed(),
        { Type: "jury_decision_recorded", Municipality: { } m } => Decision(municipality(m)),
        { Type: "jury_decision_recorded" } => SecretDecision(),
        { Type: "award_announced", Municipality: { } m } => Announced(municipality(m)),
        { Type: "motivation_corrected" } => Corrected(entry.Reason ?? ""),
        { Type: "decision_revised", Municipality: { } m } => Revised(municipality(m), entry.Reason ?? ""),
        { Type: "decision_revised" } => SecretRevision(),
        { Type: "announcement_scheduled" } => Scheduled(entry.ScheduledAt ?? entry.OccurredAt),
        { Type: "scheduled_announcement_cancelled" } => ScheduleCancelled(),
        { Type: "nominee_list_sourced" } => ListSourced(),
        { Type: "round_note_added" } => NoteAdded(),
        _ => Html.Of($"{entry.Type}"),
    };

    public static HistoryPhrases Swedish { get; } = new()
    {
        Opened = () => Html.Of($"Omgången öppnades."),
        Nominated = m => Html.Of($"{m} nominerades."),
        Withdrawn = (m, reason) => Html.Of($"Nomineringen av {m} drogs tillbaka: {reason}"),
        Closed = () => Html.Of($"Nomineringen stängdes och juryn började bedöma de nominerade."),
        SecretDecision = () => Html.Of($"Juryns beslut registrerades. Det hålls hemligt tills priset tillkännages."),
        Decision = m => Html.Of($"Juryns beslut registrerades: {m} ska få priset."),
        Announced = m => Html.Of($"Priset tillkännagavs: {m} vann."),
        Corrected = reason => Html.Of($"Motiveringen rättades: {reason}"),
        SecretRevision = () => Html.Of($"Juryns beslut reviderades. Det hålls hemligt tills priset tillkännages."),
        Revised = (m, reason) => Html.Of($"Juryns beslut reviderades före tillkännagivandet: {m} ska få priset. {reason}"),
        Scheduled = at => Html.Of($"Tillkännagivandet planerades till {ExplorerLanguage.Timestamp(at)}."),
        ScheduleCancelled = () => Html.Of($"Det planerade tillkännagivandet ställdes in."),
        ListSourced = () => Html.Of($"Källorna till listan över nominerade registrerades."),
        NoteAdded = () => Html.Of($"En anteckning om omgången lades till, med sina källor."),
    };

    public static HistoryPhrases English { get; } = new()
    {
        Opened = () => Html.Of($"The round was opened."),
        Nominated = m => Html.Of($"{m} was nominated."),
        Withdrawn = (m, reason) => Html.Of($"The nomination of {m} was withdrawn: {reason}"),
        Closed = () => Html.Of($"Nominations were closed and the jury began reviewing the nominees."),
        SecretDecision = () => Html.Of($"The jury's decision was recorded. It stays secret until the award is announced."),
        Decision = m => Html.Of($"The jury's decision was recorded: the award goes to {m}."),
        Announced = m => Html.Of($"The award was announced: {m} won."),
        Corrected = reason => Html.Of($"The motivation was corrected: {reason}"),
        SecretRevision = () => Html.Of($"The jury's decision was revised. It stays secret until the award is announced."),
        Revised = (m, reason) => Html.Of($"The jury's decision was revised before the announcement: the award goes to {m}. {reason}"),
        Scheduled = at => Html.Of($"The announcement was scheduled for {ExplorerLanguage.Timestamp(at)} (Swedish time)."),
        ScheduleCancelled = () => Html.Of($"The scheduled announcement was cancelled."),
        ListSourced = () => Html.Of($"The sources of the list of nominees were recorded."),
        NoteAdded = () => Html.Of($"A note on the round was added, with its sources."),
    };
}

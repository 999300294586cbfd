using Kvk.Domain.Rounds;

namespace Kvk.Graph.Explorer;

/// <summary>
/// A round's events told in one language, in the words each event declares (<see cref="RoundEventTelling"/>), from
/// what the API's <c>round { history }</c> gives each (<see cref="HistoryEntry"/>): its type and the fields that type
/// fills in. The API keeps the jury's decision secret until the announcement: an undisclosed decision (or revision) comes
/// without a municipality, and is told in its wording without one, as a secret.
/// </summary>
public sealed class HistoryPhrases
{
    private readonly Func<RoundEventWording, string?> _phrase;

    private HistoryPhrases(Func<RoundEventWording, string?> phrase) => _phrase = phrase;

    public static HistoryPhrases Swedish { get; } = new(wording => wording.Swedish);

    public static HistoryPhrases English { get; } = new(wording => wording.English);

    /// <summary>The entry in words; its type where it has none (a kind this host does not know, or one without its municipality).</summary>
    /// <param name="municipality">A link to a municipality's page.</param>
    public Html Describe(HistoryEntry entry, Func<MunicipalityName, Html> municipality) =>
        RoundEventCatalogue.Named(entry.Type) is { } kind && _phrase(kind.Telling.For(entry.Municipality is not null)) is { } phrase
            && Html.Template(phrase, name => name switch
            {
                "municipality" => entry.Municipality is { } m ? municipality(m) : null,
                "reason" => Html.Of($"{entry.Reason}"),
                "motivation" => Html.Of($"{entry.Motivation}"),
                "at" => Html.Of($"{ExplorerLanguage.Timestamp(entry.ScheduledAt ?? entry.OccurredAt)}"),
                _ => null,
            }) is { } told
            ? told
            : Html.Of($"{entry.Type}");
}

using System.Text;
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
        Phrase(entry) is { } phrase
            && Html.Template(phrase, name => name == "municipality"
                ? entry.Municipality is { } m ? municipality(m) : null
                : Value(entry, name) is { } value ? Html.Of($"{value}") : null) is { } told
            ? told
            : Html.Of($"{entry.Type}");

    /// <summary>The entry in words as plain text, the municipality by its name (a feed's title); its type where it has none.</summary>
    public string Tell(HistoryEntry entry)
    {
        if (Phrase(entry) is not { } phrase)
        {
            return entry.Type;
        }

        var text = new StringBuilder(phrase.Length + 64);
        foreach (var (part, isName) in Placeholders.Parts(phrase))
        {
            if (!isName)
            {
                text.Append(part);
            }
            else if ((part == "municipality" ? entry.Municipality?.Name : Value(entry, part)) is { } value)
            {
                text.Append(value);
            }
            else
            {
                return entry.Type;
            }
        }

        return text.ToString();
    }

    private string? Phrase(HistoryEntry entry) =>
        RoundEventCatalogue.Named(entry.Type) is { } kind ? _phrase(kind.Telling.For(entry.Municipality is not null)) : null;

    /// <summary>What a placeholder other than the municipality stands for: a missing reason or motivation is empty text.</summary>
    private static string? Value(HistoryEntry entry, string name) => name switch
    {
        "reason" => entry.Reason ?? "",
        "motivation" => entry.Motivation ?? "",
        "at" => ExplorerLanguage.Timestamp(entry.ScheduledAt ?? entry.OccurredAt),
        _ => null,
    };
}

using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>
/// Something known of a round but not recorded as a fact of it, with its sources: e.g. a newspaper's report of a
/// winner where no announcement with the jury's motivation was found.
/// </summary>
public sealed record RoundNoteAdded(int Year, string Note, IReadOnlyList<Source> Sources) : IRoundEvent<RoundNoteAdded>, ILeavesRoundStateAlone
{
    public static string StoredName => "round_note_added";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Added a note: {text}",
            Swedish: "En anteckning om omgången lades till, med sina källor.",
            English: "A note on the round was added, with its sources.",
            Secretariat: "lade till en anteckning om omgången, med sina källor"),
    };

    /// <summary>The note is the summary's text, not the history entry's <c>note</c> (which is the secretariat's internal one).</summary>
    public RoundEventFacts Facts() => new() { Values = new Dictionary<string, object> { ["text"] = Note } };
}

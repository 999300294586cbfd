using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>
/// What the published sources say of a round's list of nominees: the full list, or only the winner (the list was not
/// published). Recorded by the seed import; a round without it shows its coverage by its status.
/// </summary>
public sealed record NomineeListSourced(int Year, NomineesKnown Known, IReadOnlyList<Source> Sources) : IRoundEvent<NomineeListSourced>, ILeavesRoundStateAlone
{
    public static string StoredName => "nominee_list_sourced";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Recorded the sources of the list of nominees ({known}): {sources}.",
            Swedish: "Källorna till listan över nominerade registrerades.",
            English: "The sources of the list of nominees were recorded.",
            Secretariat: "registrerade källorna till listan över nominerade"),
    };

    public RoundEventFacts Facts() => new() { Values = new Dictionary<string, object> { ["known"] = Known, ["sources"] = Sources } };
}

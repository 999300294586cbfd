namespace Kvk.Domain.Rounds;

/// <summary>The secretariat opened the round for a given award year; nominations may be recorded.</summary>
public sealed record RoundOpened(int Year) : IRoundEvent<RoundOpened>
{
    public static string StoredName => "round_opened";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Opened the {year} round.",
            Swedish: "Omgången öppnades.",
            English: "The round was opened.",
            Secretariat: "öppnade omgången"),
    };

    public Round? Evolve(Round? state) => new(Year, RoundStatus.Nominating, [], null);

    public RoundEventFacts Facts() => RoundEventFacts.None;
}

namespace Kvk.Domain.Rounds;

/// <summary>The list of nominees is final; the jury now reviews them.</summary>
public sealed record NominationsClosed(int Year) : IRoundEvent<NominationsClosed>
{
    public static string StoredName => "nominations_closed";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Closed the nominations; the jury reviews the nominees.",
            Swedish: "Nomineringen stängdes och juryn började bedöma de nominerade.",
            English: "Nominations were closed and the jury began reviewing the nominees.",
            Secretariat: "stängde nomineringen"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { Status = RoundStatus.Judging };

    public RoundEventFacts Facts() => RoundEventFacts.None;
}

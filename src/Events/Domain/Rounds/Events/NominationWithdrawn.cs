namespace Kvk.Domain.Rounds;

/// <summary>A nomination was withdrawn, with the reason given by the secretariat.</summary>
/// <param name="Reason">Public: shown in the round's history and the downloads.</param>
public sealed record NominationWithdrawn(int Year, string MunicipalityCode, string Reason) : IRoundEvent<NominationWithdrawn>
{
    public static string StoredName => "nomination_withdrawn";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Withdrew the nomination of {municipality}: {reason}",
            Swedish: "Nomineringen av {municipality} drogs tillbaka: {reason}",
            English: "The nomination of {municipality} was withdrawn: {reason}",
            Secretariat: "drog tillbaka nomineringen av {municipality} med det offentliga skälet ”{reason}”"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { Nominees = state.Nominees.Remove(MunicipalityCode) };

    public RoundEventFacts Facts() => new() { MunicipalityCode = MunicipalityCode, Reason = Reason };
}

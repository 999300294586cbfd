using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>The jury decided the winner and wrote its motivation (motivering). Secret until announced.</summary>
/// <param name="Sources">Where the decision and its motivation are published, where given.</param>
public sealed record JuryDecisionRecorded(int Year, string MunicipalityCode, string RecipientName, string Motivation, IReadOnlyList<Source>? Sources = null)
    : IRoundEvent<JuryDecisionRecorded>
{
    public static string StoredName => "jury_decision_recorded";

    public static RoundEventTelling Telling { get; } = new()
    {
        Disclosure = RoundEventDisclosure.SecretUntilAnnounced,
        Told = new(
            Summary: "Recorded the jury's decision: {recipient}.",
            Swedish: "Juryns beslut registrerades: {municipality} ska få priset.",
            English: "The jury's decision was recorded: the award goes to {municipality}.",
            Secretariat: "registrerade {municipality} som vinnare"),
        WithoutMunicipality = new(
            Summary: "Recorded the jury's decision (secret until the award is announced).",
            Swedish: "Juryns beslut registrerades. Det hålls hemligt tills priset tillkännages.",
            English: "The jury's decision was recorded. It stays secret until the award is announced.",
            Secretariat: "registrerade juryns beslut"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with
    {
        Status = RoundStatus.Decided,
        Decision = new RoundDecision(MunicipalityCode, RecipientName, Motivation),
    };

    public RoundEventFacts Facts() => new()
    {
        MunicipalityCode = MunicipalityCode,
        Motivation = Motivation,
        Values = new Dictionary<string, object> { ["recipient"] = RecipientName },
    };
}

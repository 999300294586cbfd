namespace Kvk.Domain.Rounds;

/// <summary>
/// The recorded decision was revised before the announcement: the winner (one of the standing nominees) and/or the
/// motivation, with why. Secret like the decision until the award is announced; the earlier decision stays in the stream.
/// </summary>
public sealed record DecisionRevised(int Year, string MunicipalityCode, string RecipientName, string Motivation, string Reason) : IRoundEvent<DecisionRevised>
{
    public static string StoredName => "decision_revised";

    public static RoundEventTelling Telling { get; } = new()
    {
        Disclosure = RoundEventDisclosure.SecretUntilAnnounced,
        Told = new(
            Summary: "Revised the jury's decision: {recipient}. {reason}",
            Swedish: "Juryns beslut reviderades före tillkännagivandet: {municipality} ska få priset. {reason}",
            English: "The jury's decision was revised before the announcement: the award goes to {municipality}. {reason}",
            Secretariat: "reviderade beslutet: {municipality} som vinnare, med skälet ”{reason}”"),
        WithoutMunicipality = new(
            Summary: "Revised the jury's decision (secret until the award is announced).",
            Swedish: "Juryns beslut reviderades. Det hålls hemligt tills priset tillkännages.",
            English: "The jury's decision was revised. It stays secret until the award is announced.",
            Secretariat: "reviderade juryns beslut"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { Decision = new RoundDecision(MunicipalityCode, RecipientName, Motivation) };

    public RoundEventFacts Facts() => new()
    {
        MunicipalityCode = MunicipalityCode,
        Motivation = Motivation,
        Reason = Reason,
        Values = new Dictionary<string, object> { ["recipient"] = RecipientName },
    };
}

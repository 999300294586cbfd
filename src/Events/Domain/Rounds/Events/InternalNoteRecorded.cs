namespace Kvk.Domain.Rounds;

/// <summary>
/// A note the secretariat keeps for itself beside a public fact (e.g. why a nomination was really withdrawn). Never
/// shown on a public path.
/// </summary>
public sealed record InternalNoteRecorded(int Year, string? MunicipalityCode, string Note) : IRoundEvent<InternalNoteRecorded>, ILeavesRoundStateAlone
{
    public static string StoredName => "internal_note_recorded";

    public static RoundEventTelling Telling { get; } = new()
    {
        Disclosure = RoundEventDisclosure.SecretariatOnly,
        Told = new(
            Summary: "Internal note (secretariat only).",
            Swedish: null,
            English: null,
            Secretariat: "skrev en intern anteckning om {municipality} (syns bara för sekretariatet): ”{note}”"),
        WithoutMunicipality = new(
            Summary: "Internal note (secretariat only).",
            Swedish: null,
            English: null,
            Secretariat: "skrev en intern anteckning (syns bara för sekretariatet): ”{note}”"),
    };

    public RoundEventFacts Facts() => new() { MunicipalityCode = MunicipalityCode, Note = Note };
}

using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Withdraws a nomination while the round is open for nominations; the nomination stays in the record with the reason.</summary>
/// <param name="Reason">Public: shown in the round's history and the downloads.</param>
/// <param name="InternalNote">Optional, for the secretariat only; recorded beside the withdrawal and never shown publicly.</param>
public sealed record WithdrawNomination(int Year, string MunicipalityCode, string? Reason, string? InternalNote = null) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [
        RefusalCode.InvalidInput,
        RefusalCode.RoundNotFound,
        RefusalCode.UnknownMunicipality,
        RefusalCode.RoundClosed,
        RefusalCode.NotNominated,
    ];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        var note = string.IsNullOrWhiteSpace(InternalNote) ? null : InternalNote.Trim();
        var invalid = RoundRules.RequiredText(Reason, "reason", RoundRules.MaxReasonLength)
            ?? (note is not null ? RoundRules.RequiredText(note, "internal note", RoundRules.MaxReasonLength) : null);
        if ((invalid ?? Missing(round)) is { } refused)
        {
            return refused;
        }

        if (municipalities.Find(MunicipalityCode) is not { } municipality)
        {
            return RoundRules.UnknownMunicipality(MunicipalityCode);
        }

        if (round!.Status != RoundStatus.Nominating)
        {
            return RoundOutcome.Refuse(RefusalCode.RoundClosed, $"Nominations for {round.Year} are closed; a nomination can no longer be withdrawn.");
        }

        if (!round.IsNominated(municipality.Code))
        {
            return RoundRules.NotNominated(municipality, round.Year);
        }

        var withdrawn = new NominationWithdrawn(round.Year, municipality.Code, Reason!.Trim());
        return note is null
            ? RoundOutcome.Accept(withdrawn)
            : RoundOutcome.Accept(withdrawn, new InternalNoteRecorded(round.Year, municipality.Code, note));
    }
}

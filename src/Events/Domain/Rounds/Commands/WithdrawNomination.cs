using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Withdraws a nomination while the round is open for nominations; the nomination stays in the record with the reason.</summary>
public sealed record WithdrawNomination(int Year, string MunicipalityCode, string? Reason) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.InvalidInput, RefusalCode.RoundNotFound, RefusalCode.UnknownMunicipality, RefusalCode.RoundClosed, RefusalCode.NotNominated];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if ((RoundRules.RequiredText(Reason, "reason", RoundRules.MaxReasonLength) ?? Missing(round)) is { } refused)
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

        return round.IsNominated(municipality.Code)
            ? RoundOutcome.Accept(new NominationWithdrawn(round.Year, municipality.Code, Reason!.Trim()))
            : RoundRules.NotNominated(municipality, round.Year);
    }
}

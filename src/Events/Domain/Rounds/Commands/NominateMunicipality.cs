using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Nominates a municipality in a round that is open for nominations.</summary>
public sealed record NominateMunicipality(int Year, string MunicipalityCode) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.RoundNotFound, RefusalCode.UnknownMunicipality, RefusalCode.RoundClosed, RefusalCode.AlreadyNominated];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if (Missing(round) is { } missing)
        {
            return missing;
        }

        if (municipalities.Find(MunicipalityCode) is not { } municipality)
        {
            return RoundRules.UnknownMunicipality(MunicipalityCode);
        }

        if (round!.Status != RoundStatus.Nominating)
        {
            return RoundOutcome.Refuse(RefusalCode.RoundClosed, $"Nominations for {round.Year} are closed.");
        }

        return round.IsNominated(municipality.Code)
            ? RoundOutcome.Refuse(RefusalCode.AlreadyNominated, $"{municipality.Name} is already nominated for {round.Year}.")
            : RoundOutcome.Accept(new MunicipalityNominated(round.Year, municipality.Code));
    }
}

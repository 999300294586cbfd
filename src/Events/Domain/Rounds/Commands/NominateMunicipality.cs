using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>Nominates a municipality in a round that is open for nominations.</summary>
/// <param name="Source">Where the nomination is published (e.g. the organiser's page of the nominee list), where given.</param>
public sealed record NominateMunicipality(int Year, string MunicipalityCode, Source? Source = null) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [
        RefusalCode.InvalidInput,
        RefusalCode.RoundNotFound,
        RefusalCode.UnknownMunicipality,
        RefusalCode.RoundClosed,
        RefusalCode.AlreadyNominated,
    ];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities)
    {
        if ((SourceRules.Invalid(Source) ?? Missing(round)) is { } refused)
        {
            return refused;
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
            : RoundOutcome.Accept(new MunicipalityNominated(round.Year, municipality.Code, SourceRules.Recorded(Source, SourceSupports.Nomination)));
    }
}

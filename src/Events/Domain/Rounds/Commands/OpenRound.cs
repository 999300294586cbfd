using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Opens the round of an award year for nominations.</summary>
public sealed record OpenRound(int Year) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.RoundAlreadyExists];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities) => round is null
        ? RoundOutcome.Accept(new RoundOpened(Year))
        : RoundOutcome.Refuse(RefusalCode.RoundAlreadyExists, $"The {Year} round already exists.");
}

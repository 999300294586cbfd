using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>Closes the nominations of a round: the list of nominees is final and the jury reviews them.</summary>
public sealed record CloseNominations(int Year) : RoundCommand(Year), IDeclaredRefusals
{
    public static IReadOnlyList<RefusalCode> Refusals => [RefusalCode.RoundNotFound, RefusalCode.InvalidInput, RefusalCode.RoundClosed];

    public override RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities) => Missing(round) ?? round!.Status switch
    {
        RoundStatus.Nominating when round.Nominees.IsEmpty =>
            RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The {Year} round has no nominees; nominate at least one before closing nominations."),
        RoundStatus.Nominating => RoundOutcome.Accept(new NominationsClosed(Year)),
        _ => RoundOutcome.Refuse(RefusalCode.RoundClosed, $"Nominations for {Year} are already closed."),
    };
}

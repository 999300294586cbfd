using Kvk.Domain.Municipalities;

namespace Kvk.Domain.Rounds;

/// <summary>
/// What a secretary can ask of a round, each command in a file of its own with its rule: a function from the round's
/// state to new events or a typed refusal. Each command names the round by its award year.
/// </summary>
public abstract record RoundCommand(int Year)
{
    /// <param name="round">The round's state; null before it was opened.</param>
    public abstract RoundOutcome Decide(Round? round, MunicipalityDirectory municipalities);

    /// <summary>The round a command other than opening needs.</summary>
    protected RoundOutcome? Missing(Round? round) =>
        round is null ? RoundOutcome.Refuse(RefusalCode.RoundNotFound, $"There is no {Year} round; open it first.") : null;
}

/// <summary>A command's refusals, declared beside its rule: the ones its rule can give, besides <see cref="RefusalCode.InvalidInput"/> for a year that is no
/// award year.</summary>
public interface IDeclaredRefusals
{
    static abstract IReadOnlyList<RefusalCode> Refusals { get; }
}

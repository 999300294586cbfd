namespace Kvk.Domain.Rounds;

/// <summary>Either the events a command produces or the reason it was refused.</summary>
public sealed record RoundOutcome(IReadOnlyList<object> Events, RoundRefusal? Refusal)
{
    public bool IsAccepted => Refusal is null;

    public static RoundOutcome Accept(params object[] events) => new(events, null);

    public static RoundOutcome Refuse(RefusalCode code, string message) => new([], new RoundRefusal(code, message));
}

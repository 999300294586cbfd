namespace Kvk.Domain.Rounds;

/// <summary>Why the rules refused a command. The names are the stable codes clients see.</summary>
public enum RefusalCode
{
    RoundNotFound,
    RoundAlreadyExists,
    UnknownMunicipality,
    AlreadyNominated,
    NotNominated,
    RoundClosed,
    DecisionRequired,
    AlreadyDecided,
    AlreadyAnnounced,
    NotAnnounced,
    InvalidInput,
}

/// <summary>A typed refusal: the rule that said no, in words a secretary understands.</summary>
public sealed record RoundRefusal(RefusalCode Code, string Message);

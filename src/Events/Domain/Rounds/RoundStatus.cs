namespace Kvk.Domain.Rounds;

/// <summary>Where a round stands in its lifecycle.</summary>
public enum RoundStatus
{
    /// <summary>Open: nominations may be added or withdrawn.</summary>
    Nominating,

    /// <summary>Nominations are closed; the jury is reviewing the nominees.</summary>
    Judging,

    /// <summary>The jury has decided; the decision is secret until announced.</summary>
    Decided,

    /// <summary>The award has been announced publicly.</summary>
    Announced,
}

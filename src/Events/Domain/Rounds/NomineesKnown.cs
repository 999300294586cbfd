namespace Kvk.Domain.Rounds;

/// <summary>How much of a round's list of nominees is known.</summary>
public enum NomineesKnown
{
    /// <summary>The full list as published.</summary>
    FullList,

    /// <summary>Only the winner: the list of nominees was not published.</summary>
    WinnerOnly,

    /// <summary>The list is not published yet: nominations are still open.</summary>
    NotPublishedYet,
}

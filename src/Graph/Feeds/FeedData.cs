using Kvk.Graph.Explorer;

namespace Kvk.Graph.Feeds;

// What the feeds read of the API's answers (PersistedDocuments/Feed/): records named after the documents' fields.

/// <summary><c>Feed/Rounds</c>: a page of rounds with their history.</summary>
public sealed record FeedRoundsData(FeedRoundsPage Rounds);

public sealed record FeedRoundsPage(IReadOnlyList<FeedRound> Nodes, FeedPageInfo PageInfo);

public sealed record FeedPageInfo(bool HasNextPage, string? EndCursor);

public sealed record FeedRound(int Year, IReadOnlyList<FeedFact> History);

/// <summary><c>Feed/Municipality</c>: the municipality (null when no municipality has the code) and the rounds it was nominated in.</summary>
public sealed record FeedMunicipalityData(FeedMunicipality? Municipality);

public sealed record FeedMunicipality(string Code, string Name, IReadOnlyList<FeedNomination> Nominations);

public sealed record FeedNomination(FeedRound Round);

/// <summary>
/// One entry of a round's history as the API's <c>RoundEvent</c> gives it to the public, with its place in the store
/// (<paramref name="Sequence"/>) and in its round's stream (<paramref name="Version"/>). An undisclosed decision comes
/// without a municipality or motivation: the API's embargo, which the feed cannot undo.
/// </summary>
public sealed record FeedFact(
    long Sequence,
    int Version,
    string Type,
    DateTimeOffset OccurredAt,
    MunicipalityName? Municipality,
    string? Motivation,
    string? Reason,
    DateTimeOffset? ScheduledAt)
{
    /// <summary>The entry as the explorer's round page tells it (<see cref="HistoryPhrases"/>).</summary>
    public HistoryEntry Entry => new(Type, OccurredAt, null, Municipality, Motivation, Reason, ScheduledAt);
}

/// <summary>A fact of a round: what a feed's entry is made of.</summary>
public sealed record RoundFact(int Year, FeedFact Fact)
{
    /// <summary>At most this many entries in a feed.</summary>
    public const int MaxEntries = 50;

    /// <summary>
    /// The newest facts first, at most <see cref="MaxEntries"/>: by the moment of recording, then by the place in the store
    /// (facts recorded together, as the seeded history was, keep the order they were recorded in).
    /// </summary>
    public static IReadOnlyList<RoundFact> Newest(IEnumerable<RoundFact> facts) =>
        [.. facts.OrderByDescending(f => f.Fact.OccurredAt).ThenByDescending(f => f.Fact.Sequence).Take(MaxEntries)];
}

using Kvk.Storage.Awards;

namespace Kvk.Graph.Search;

/// <summary>An award whose motivation matched a search, with the lexemes the search looked for and the match's relevance.</summary>
public sealed record SearchHit(AwardView Award, IReadOnlySet<string> Matching, double Rank);

using Kvk.Events.Awards;

namespace Kvk.Graph.Search;

/// <summary>An award whose motivation matched a search, with the matching passage and its relevance.</summary>
public sealed record SearchHit(AwardView Award, string Excerpt, double Rank);

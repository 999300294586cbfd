namespace Kvk.Graph.Search;

/// <summary>A search text as the search language reads it (<see cref="SearchParser"/>), before it is SQL (<see cref="SearchTerms"/>).</summary>
public abstract record SearchExpression;

/// <summary>A word, matching its inflections through the Swedish stemmer (it may hold punctuation, as "e-post" does).</summary>
public sealed record SearchWord(string Text) : SearchExpression;

/// <summary>The start of words (<c>medborg*</c>); only letters and digits, so that nothing of <c>to_tsquery</c>'s syntax gets in.</summary>
public sealed record SearchPrefix(string Text) : SearchExpression;

/// <summary>Words in this order, next to each other (<c>"hög kvalitet"</c>).</summary>
public sealed record SearchPhrase(string Text) : SearchExpression;

/// <summary>A term that must not be in the motivation (<c>-omsorg</c>).</summary>
public sealed record SearchExclusion(SearchExpression Term) : SearchExpression;

/// <summary>Every part must match (terms next to each other).</summary>
public sealed record SearchAll(IReadOnlyList<SearchExpression> Parts) : SearchExpression;

/// <summary>At least one part must match (terms joined by <c>or</c>).</summary>
public sealed record SearchAny(IReadOnlyList<SearchExpression> Parts) : SearchExpression;

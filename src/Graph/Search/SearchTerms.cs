using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Search;

/// <summary>
/// A search text (<see cref="SearchParser"/>) as one PostgreSQL text search query: a word through
/// <c>phraseto_tsquery</c> (stemmed by the Swedish configuration; "e-post" stays one term), a prefix through
/// <c>to_tsquery</c> with <c>:*</c>, a phrase through <c>phraseto_tsquery</c>, joined by <c>tsquery_and</c>,
/// <c>tsquery_or</c> and <c>tsquery_not</c>. Every text is a parameter.
/// </summary>
public static class SearchTerms
{
    private const string Config = "'swedish'::regconfig";

    /// <summary>The SQL of the query (one expression of function calls), its texts as parameters of <paramref name="query"/>.</summary>
    public static string Sql(ViewQuery query, string text) =>
        SearchParser.Parse(text) is { } expression ? Sql(query, expression)
            // Nothing to search for: an empty query, which matches nothing (PostgreSQL only notices it).
            : $"to_tsquery({Config}, '')";

    public static string Sql(ViewQuery query, SearchExpression expression) => expression switch
    {
        SearchWord word => $"phraseto_tsquery({Config}, {query.Parameter(word.Text, "text")})",
        SearchPhrase phrase => $"phraseto_tsquery({Config}, {query.Parameter(phrase.Text, "text")})",
        SearchPrefix prefix => $"to_tsquery({Config}, {query.Parameter(prefix.Text + ":*", "text")})",
        SearchExclusion exclusion => $"tsquery_not({Sql(query, exclusion.Term)})",
        // The functions behind && and || rather than the operators: the query is a function in the statement's FROM.
        SearchAll all => Joined(query, "tsquery_and", all.Parts),
        SearchAny any => Joined(query, "tsquery_or", any.Parts),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression, "Not a search expression."),
    };

    private static string Joined(ViewQuery query, string function, IReadOnlyList<SearchExpression> parts) =>
        parts.Skip(1).Aggregate(Sql(query, parts[0]), (joined, part) => $"{function}({joined}, {Sql(query, part)})");
}

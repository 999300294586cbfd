using System.Text.RegularExpressions;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Search;

/// <summary>
/// A search text as a PostgreSQL text search query: web search syntax (<c>websearch_to_tsquery</c>: words, "phrases",
/// -exclusions, <c>or</c>) and, beside it, prefixes: a word ending in <c>*</c> matches every word whose Swedish stem
/// starts with the word's stem (<c>medborg*</c> finds "medborgare" and "medborgerligt", <c>styr*</c> "styrning" and
/// "styrmodell"), required like a plain word, or excluded with a leading <c>-</c>.
/// </summary>
public static partial class SearchTerms
{
    /// <summary>The SQL of the query (one function call), its texts as parameters of <paramref name="query"/>.</summary>
    public static string Sql(ViewQuery query, string text)
    {
        var parts = new List<string>();
        foreach (Match prefix in Prefix().Matches(text))
        {
            var term = $"to_tsquery('swedish'::regconfig, {query.Parameter(prefix.Groups["word"].Value + ":*", "text")})";
            parts.Add(prefix.Groups["not"].Success ? $"tsquery_not({term})" : term);
        }

        var rest = Prefix().Replace(text, " ").Trim();
        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Insert(0, $"websearch_to_tsquery('swedish'::regconfig, {query.Parameter(rest, "text")})");
        }

        // Joined by the functions behind && rather than the operator: the query is a function in the statement's FROM.
        return parts.Skip(1).Aggregate(parts[0], (all, part) => $"tsquery_and({all}, {part})");
    }

    /// <summary>A word of letters and digits ending in <c>*</c>, outside a quoted phrase (an even number of quotes before it).</summary>
    [GeneratedRegex("""(?<=^[^"]*(?:"[^"]*"[^"]*)*)(?<![\p{L}\p{N}])(?<not>-)?(?<word>[\p{L}\p{N}]+)\*""")]
    private static partial Regex Prefix();
}

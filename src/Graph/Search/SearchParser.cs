using System.Text;

namespace Kvk.Graph.Search;

/// <summary>
/// The search language, read in C# so that PostgreSQL only ever sees one term at a time: words, prefixes
/// (<c>medborg*</c>), "quoted phrases", <c>-</c> before a term to exclude it, and <c>or</c> between alternatives.
/// The precedence is <c>websearch_to_tsquery</c>'s: terms next to each other must all match, and <c>or</c> binds its
/// two neighbours (<c>a b or c</c> is a &amp; (b | c)). Nothing is an error: what cannot be a term (a lone
/// <c>-</c>, <c>*</c> or <c>or</c>, an empty phrase, punctuation) is left out, an unmatched quote runs to the end,
/// and control characters are spaces (a NUL would make PostgreSQL refuse the text).
/// </summary>
public static class SearchParser
{
    /// <summary>The quotation marks a phrase may be written with: the typewriter's and Swedish typography's.</summary>
    private static readonly char[] Quotes = ['"', '”', '“', '„'];

    /// <summary>The expression of <paramref name="text"/>; null when it holds no term.</summary>
    public static SearchExpression? Parse(string text)
    {
        var groups = new List<SearchExpression>();
        var alternatives = new List<SearchExpression>();
        var joining = false;
        foreach (var token in Tokens(Clean(text)))
        {
            if (token is null)
            {
                // `or` joins only when there is a term before it; a second `or` or one at the start is left out.
                joining = alternatives.Count > 0;
                continue;
            }

            if (!joining && alternatives.Count > 0)
            {
                groups.Add(Any(alternatives));
                alternatives = [];
            }

            alternatives.Add(token);
            joining = false;
        }

        if (alternatives.Count > 0)
        {
            groups.Add(Any(alternatives));
        }

        return groups.Count switch
        {
            0 => null,
            1 => groups[0],
            _ => new SearchAll(groups),
        };
    }

    private static SearchExpression Any(List<SearchExpression> alternatives) => alternatives.Count == 1 ? alternatives[0] : new SearchAny(alternatives);

    /// <summary>The terms of the text in order, null for an <c>or</c>.</summary>
    private static IEnumerable<SearchExpression?> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            while (i < text.Length && text[i] == '-')
            {
                (excluded, i) = (true, i + 1);
            }

            SearchExpression? term;
            if (i < text.Length && Quotes.Contains(text[i]))
            {
                var end = text.IndexOfAny(Quotes, i + 1) is var close and >= 0 ? close : text.Length;
                term = HasWord(text.AsSpan(i + 1, end - i - 1)) ? new SearchPhrase(text[(i + 1)..end].Trim()) : null;
                i = Math.Min(end + 1, text.Length);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Quotes.Contains(text[i]))
                {
                    i++;
                }

                var word = text[start..i];
                if (!excluded && word.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    yield return null;
                    continue;
                }

                term = Term(word);
            }

            if (term is not null)
            {
                yield return excluded ? new SearchExclusion(term) : term;
            }
        }
    }

    /// <summary>A word, or a prefix when it ends in <c>*</c> and is letters and digits; null when it has neither.</summary>
    private static SearchExpression? Term(string word)
    {
        var stem = word.TrimEnd('*');
        if (!HasWord(stem))
        {
            return null;
        }

        if (stem.Length < word.Length && stem.All(char.IsLetterOrDigit))
        {
            return new SearchPrefix(stem);
        }

        // A star inside a word, or after punctuation ("e-post*"), is not a prefix: the word is searched as written.
        return new SearchWord(stem.Replace("*", " ", StringComparison.Ordinal).Trim());
    }

    private static bool HasWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with control characters and unpaired surrogates as spaces, composed (NFC) so that "é" is one letter.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' ? ' ' : c);
            }
        }

        return clean.ToString().Normalize(NormalizationForm.FormC);
    }
}

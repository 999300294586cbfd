using System.Text;

namespace Kvk.Graph.Search;

/// <summary>
/// The passages of a motivation around the words a search matched, each matched word in
/// <c>&lt;mark&gt;</c>. Built here from the words and lexemes PostgreSQL's parser found, once per
/// motivation (<see cref="MotivationWords"/>): <c>ts_headline</c> parsed the whole motivation again for
/// every hit of every search, which was most of a search's cost.
/// </summary>
public static class Excerpt
{
    public const int MaxFragments = 2;
    public const int WordsBefore = 6;
    public const int MaxWords = 30;
    public const string Delimiter = " … ";

    /// <param name="matching">The lexemes the search looks for (a prefix ends in <c>*</c>).</param>
    public static string Build(ParsedMotivation motivation, IReadOnlySet<string> matching)
    {
        var passages = Passages(motivation, matching, MaxFragments);
        return passages.Count > 0 ? string.Join(Delimiter, passages)
            : motivation.Spans.Count == 0 ? ""
            : Marked(motivation, [], 0, Math.Min(motivation.Spans.Count - 1, MaxWords - 1));
    }

    /// <summary>Every passage with a matched word, in order, each matched word in <c>&lt;mark&gt;</c>; at most <paramref name="max"/> of them.</summary>
    public static IReadOnlyList<string> Passages(ParsedMotivation motivation, IReadOnlySet<string> matching, int max = int.MaxValue)
    {
        var spans = motivation.Spans;
        var matched = motivation.Marked(matching);
        var fragments = new List<(int First, int Last)>();
        foreach (var i in matched)
        {
            if (fragments.Count == max || fragments.Any(f => i >= f.First && i <= f.Last))
            {
                continue;
            }

            var first = Math.Max(fragments.Count == 0 ? 0 : fragments[^1].Last + 1, i - WordsBefore);
            fragments.Add((first, Math.Min(spans.Count - 1, first + MaxWords - 1)));
        }

        return [.. fragments.Select(f => Marked(motivation, matched, f.First, f.Last))];
    }

    /// <summary>The lexemes a text search query looks for, from its text form (<c>'styrning' &amp; !'omsorg' &amp; 'medborg':*</c>); excluded ones (alone or in
    /// an excluded phrase) are left out, a prefix ends in <c>*</c>.</summary>
    public static IReadOnlySet<string> Lexemes(string tsquery)
    {
        var lexemes = new HashSet<string>(StringComparer.Ordinal);
        // Whether each open parenthesis is inside an exclusion: an excluded phrase is <c>!( 'hög' <-> 'kvalitet' )</c>.
        var groups = new Stack<bool>();
        for (var i = 0; i < tsquery.Length; i++)
        {
            if (tsquery[i] == '(')
            {
                groups.Push((groups.Count > 0 && groups.Peek()) || (i > 0 && tsquery[i - 1] == '!'));
                continue;
            }

            if (tsquery[i] == ')' && groups.Count > 0)
            {
                groups.Pop();
                continue;
            }

            if (tsquery[i] != '\'')
            {
                continue;
            }

            var excluded = (i > 0 && tsquery[i - 1] == '!') || (groups.Count > 0 && groups.Peek());
            var lexeme = new StringBuilder();
            for (i++; i < tsquery.Length; i++)
            {
                if (tsquery[i] == '\'' && i + 1 < tsquery.Length && tsquery[i + 1] == '\'')
                {
                    lexeme.Append('\'');
                    i++;
                }
                else if (tsquery[i] == '\'')
                {
                    break;
                }
                else
                {
                    lexeme.Append(tsquery[i]);
                }
            }

            // A prefix (<c>'medborg':*</c>) keeps its star: it marks every word whose lexeme starts with it.
            var prefix = i + 2 < tsquery.Length && tsquery[i + 1] == ':' && tsquery[i + 2] == '*';
            if (!excluded)
            {
                lexemes.Add(prefix ? lexeme + "*" : lexeme.ToString());
            }
        }

        return lexemes;
    }

    private static string Marked(ParsedMotivation motivation, SortedSet<int> matched, int first, int last)
    {
        var (spans, source) = (motivation.Spans, motivation.Text);
        var text = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            if (i > first)
            {
                text.Append(source, spans[i - 1].End, spans[i].Start - spans[i - 1].End);
            }

            var word = source.AsSpan(spans[i].Start, spans[i].End - spans[i].Start);
            text.Append(matched.Contains(i) ? $"<mark>{word}</mark>" : word);
        }

        return text.ToString();
    }
}

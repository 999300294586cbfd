namespace Kvk.Graph.Search;

/// <summary>
/// A motivation as its excerpts read it, prepared once per text: where each of PostgreSQL's words stands
/// in it, and which words each lexeme marks (a hyphenated word is marked by its parts' lexemes too).
/// </summary>
public sealed class ParsedMotivation
{
    private readonly Dictionary<string, int[]> _wordsByLexeme;

    private ParsedMotivation(string text, IReadOnlyList<(int Start, int End)> spans, Dictionary<string, int[]> wordsByLexeme)
    {
        Text = text;
        Spans = spans;
        _wordsByLexeme = wordsByLexeme;
    }

    public static ParsedMotivation Empty { get; } = new("", [], []);

    public string Text { get; }

    /// <summary>Each word's start and end in <see cref="Text"/>, in order.</summary>
    public IReadOnlyList<(int Start, int End)> Spans { get; }

    /// <param name="words">The motivation's words in order, as PostgreSQL's parser found them.</param>
    /// <param name="lexemes">For each word its lexemes, space-separated; empty for a stop word.</param>
    public static ParsedMotivation Of(string motivation, IReadOnlyList<string> words, IReadOnlyList<string> lexemes)
    {
        var spans = Locate(motivation, words);
        var wordsByLexeme = Enumerable.Range(0, spans.Count)
            .SelectMany(i => lexemes[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(lexeme => (Lexeme: lexeme, Word: i)))
            .GroupBy(x => x.Lexeme, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Word).Distinct().ToArray(), StringComparer.Ordinal);
        return new ParsedMotivation(motivation, spans, wordsByLexeme);
    }

    /// <summary>The words that any of <paramref name="lexemes"/> marks, in order; a lexeme ending in <c>*</c> marks the words of every lexeme it
    /// starts.</summary>
    public SortedSet<int> Marked(IReadOnlySet<string> lexemes)
    {
        var marked = new SortedSet<int>();
        foreach (var lexeme in lexemes)
        {
            if (lexeme.EndsWith('*'))
            {
                var prefix = lexeme[..^1];
                marked.UnionWith(_wordsByLexeme.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(e => e.Value));
            }
            else if (_wordsByLexeme.TryGetValue(lexeme, out var words))
            {
                marked.UnionWith(words);
            }
        }

        return marked;
    }

    /// <summary>Where each word stands in the motivation: the parser's words appear in it in order.</summary>
    private static List<(int Start, int End)> Locate(string motivation, IReadOnlyList<string> words)
    {
        var spans = new List<(int, int)>(words.Count);
        var offset = 0;
        foreach (var word in words)
        {
            var start = motivation.IndexOf(word, offset, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            spans.Add((start, start + word.Length));
            offset = start + word.Length;
        }

        return spans;
    }
}

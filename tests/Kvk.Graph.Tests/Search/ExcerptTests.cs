using Kvk.Graph.Search;

namespace Kvk.Graph.Tests.Search;

public sealed class ExcerptTests
{
    private const string Motivation = "Kommunen har en tydlig styrning. Styrningen bygger på tillit, e-post och dialog.";
    private static readonly string[] Words =
        ["Kommunen", "har", "en", "tydlig", "styrning", "Styrningen", "bygger", "på", "tillit", "e-post", "och", "dialog"];
    private static readonly string[] Lexemes = ["kommun", "", "", "tyd", "styrning", "styrning", "bygg", "", "tillit", "e-post e post", "", "dialog"];

    [Fact]
    public void Every_matched_word_is_marked_and_the_text_between_words_is_kept()
    {
        var excerpt = Excerpt.Build(ParsedMotivation.Of(Motivation, Words, Lexemes), new HashSet<string> { "styrning" });

        Assert.Equal("Kommunen har en tydlig <mark>styrning</mark>. <mark>Styrningen</mark> bygger på tillit, e-post och dialog", excerpt);
    }

    [Fact]
    public void A_part_of_a_hyphenated_word_marks_the_whole_word()
    {
        var excerpt = Excerpt.Build(ParsedMotivation.Of(Motivation, Words, Lexemes), new HashSet<string> { "post" });

        Assert.Contains("<mark>e-post</mark>", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Distant_matches_give_two_fragments_each_starting_a_few_words_before_its_match()
    {
        var words = Enumerable.Range(0, 100).Select(i => $"w{i}").ToArray();
        var lexemes = words.Select(w => w is "w50" or "w90" ? "hit" : w).ToArray();

        var excerpt = Excerpt.Build(ParsedMotivation.Of(string.Join(' ', words), words, lexemes), new HashSet<string> { "hit" });

        var fragments = excerpt.Split(Excerpt.Delimiter);
        Assert.Equal(2, fragments.Length);
        Assert.StartsWith($"w{50 - Excerpt.WordsBefore} ", fragments[0], StringComparison.Ordinal);
        Assert.Contains("<mark>w90</mark>", fragments[1], StringComparison.Ordinal);
        Assert.All(fragments, f => Assert.True(f.Split(' ').Length <= Excerpt.MaxWords));
    }

    [Fact]
    public void Without_a_matched_word_the_excerpt_is_the_beginning()
    {
        var excerpt = Excerpt.Build(ParsedMotivation.Of(Motivation, Words, Lexemes), new HashSet<string> { "saknas" });

        Assert.StartsWith("Kommunen har en tydlig styrning.", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'styrning' | 'x12'", new[] { "styrning", "x12" })]
    [InlineData("'hög' <-> 'kvalitet' & !'omsorg'", new[] { "hög", "kvalitet" })]
    [InlineData("'it''s'", new[] { "it's" })]
    [InlineData("'kvalitet' & !( 'hög' <-> 'omsorg' ) & 'medborg':*", new[] { "kvalitet", "medborg*" })]
    [InlineData("( 'styr':* | 'invån' ) & !'omsorg'", new[] { "styr*", "invån" })]
    [InlineData("", new string[0])]
    public void The_lexemes_of_a_query_are_read_from_its_text_form_without_the_excluded_ones(string tsquery, string[] expected) =>
        Assert.Equal(expected.Order(), Excerpt.Lexemes(tsquery).Order());
}

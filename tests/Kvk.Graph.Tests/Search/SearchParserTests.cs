using Kvk.Graph.Search;

namespace Kvk.Graph.Tests.Search;

/// <summary>The search language read without a database: what each text means, in a compact notation.</summary>
public sealed class SearchParserTests
{
    /// <summary>word, prefix*, "phrase", -excluded, (a &amp; b), (a | b); empty when nothing is searched.</summary>
    private static string Read(string text) => Notation(SearchParser.Parse(text));

    private static string Notation(SearchExpression? expression) => expression switch
    {
        null => "",
        SearchWord word => word.Text,
        SearchPrefix prefix => prefix.Text + "*",
        SearchPhrase phrase => $"\"{phrase.Text}\"",
        SearchExclusion exclusion => "-" + Notation(exclusion.Term),
        SearchAll all => $"({string.Join(" & ", all.Parts.Select(Notation))})",
        SearchAny any => $"({string.Join(" | ", any.Parts.Select(Notation))})",
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    [Theory]
    [InlineData("styrning", "styrning")]
    [InlineData("hög kvalitet", "(hög & kvalitet)")]
    [InlineData("medborg*", "medborg*")]
    [InlineData("medborg**", "medborg*")]
    [InlineData("\"hög kvalitet\"", "\"hög kvalitet\"")]
    [InlineData("”hög kvalitet”", "\"hög kvalitet\"")]
    [InlineData("„hög kvalitet“", "\"hög kvalitet\"")]
    [InlineData("-omsorg", "-omsorg")]
    [InlineData("kvalitet -styr*", "(kvalitet & -styr*)")]
    [InlineData("kvalitet -\"hög kvalitet\"", "(kvalitet & -\"hög kvalitet\")")]
    [InlineData("e-post", "e-post")]
    [InlineData("kvalitet\"hög nivå\"omsorg", "(kvalitet & \"hög nivå\" & omsorg)")]
    public void Terms_next_to_each_other_must_all_match(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("medborg* or invånare", "(medborg* | invånare)")]
    [InlineData("medborgare OR invånare", "(medborgare | invånare)")]
    [InlineData("a b or c", "(a & (b | c))")]
    [InlineData("a or b c", "((a | b) & c)")]
    [InlineData("a or b or c", "(a | b | c)")]
    [InlineData("\"hög kvalitet\" or styr* -omsorg", "((\"hög kvalitet\" | styr*) & -omsorg)")]
    [InlineData("-a or b", "(-a | b)")]
    [InlineData("a -or", "(a & -or)")]
    public void Or_binds_only_its_neighbours_as_in_web_search(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("or", "")]
    [InlineData("or or", "")]
    [InlineData("-", "")]
    [InlineData("- kvalitet", "kvalitet")]
    [InlineData("*", "")]
    [InlineData("* or *", "")]
    [InlineData("\"\"", "")]
    [InlineData("\"", "")]
    [InlineData("!&|():'", "")]
    [InlineData("or kvalitet", "kvalitet")]
    [InlineData("kvalitet or", "kvalitet")]
    [InlineData("a or or b", "(a | b)")]
    [InlineData("a or * b", "(a | b)")]
    [InlineData("\"hög kvalitet", "\"hög kvalitet\"")]
    [InlineData("styr \"hög", "(styr & \"hög\")")]
    [InlineData("--omsorg", "-omsorg")]
    public void What_is_not_a_term_is_left_out(string text, string expected) => Assert.Equal(expected, Read(text));

    [Theory]
    [InlineData("kva\0litet", "(kva & litet)")]
    [InlineData("\0", "")]
    [InlineData("styr\u0001*", "styr")]
    [InlineData("a\tb\nc", "(a & b & c)")]
    public void Control_characters_and_broken_surrogates_separate_terms(string text, string expected) => Assert.Equal(expected, Read(text));

    [Fact]
    public void An_unpaired_surrogate_is_a_space_and_a_pair_is_kept()
    {
        Assert.Equal("(styr & kvalitet)", Read("styr" + '\ud800' + "kvalitet"));
        Assert.Equal("styr\ud83d\ude00", Read("styr\ud83d\ude00"));
    }

    [Theory]
    [InlineData("medborg:*&!x*", "medborg: &!x")]
    [InlineData("styr(*", "styr(")]
    [InlineData("e-post*", "e-post")]
    [InlineData("a*b", "a b")]
    public void Only_letters_and_digits_make_a_prefix_anything_else_is_a_word_as_written(string text, string expected) =>
        Assert.Equal(expected, Read(text));

    [Fact]
    public void A_prefix_is_only_letters_and_digits()
    {
        Assert.IsType<SearchPrefix>(SearchParser.Parse("kvalitet2025*"));
        Assert.IsType<SearchPrefix>(SearchParser.Parse("Ålä*"));
        Assert.IsType<SearchWord>(SearchParser.Parse("kval'itet*"));
    }

    [Fact]
    public void A_composed_letter_is_one_letter_of_a_prefix()
    {
        var prefix = Assert.IsType<SearchPrefix>(SearchParser.Parse("cafe\u0301*"));

        Assert.Equal("café", prefix.Text);
    }

    [Fact]
    public void A_long_text_is_read_whole()
    {
        var text = string.Join(" or ", Enumerable.Repeat("styr* -\"hög kvalitet\"", 20));

        var all = Assert.IsType<SearchAll>(SearchParser.Parse(text));
        Assert.Equal(21, all.Parts.Count);
    }
}

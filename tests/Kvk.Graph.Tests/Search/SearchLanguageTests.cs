using Kvk.Graph.Search;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Search;

/// <summary>The search language through the real endpoint on the seeded record: what each form finds, and that no text is an error.</summary>
public sealed class SearchLanguageTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string Query = "query($text: String!) { search(text: $text, first: 20) { totalCount nodes { award { year } passages } } }";

    private async Task<List<(int Year, string Passages)>> SearchAsync(string text)
    {
        var response = await kvk.Server.PostAsync(Query, new { text });
        Assert.Null(response["errors"]);
        return [.. response["data"]!["search"]!["nodes"]!.AsArray().Select(n => (
            n!["award"]!["year"]!.GetValue<int>(),
            string.Join(" | ", n["passages"]!.AsArray().Select(p => (string)p!))))];
    }

    private async Task<List<int>> YearsAsync(string text) => [.. (await SearchAsync(text)).Select(h => h.Year).Order()];

    private static List<int> YearsWhoseMotivationContains(string text) =>
        [.. SeedDocument.Winners().Where(w => w.Motivation.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(w => w.Year).Order()];

    [Fact]
    public async Task A_prefix_or_a_word_finds_the_union_of_their_hits()
    {
        var prefix = await YearsAsync("medborg*");
        var word = await YearsAsync("invånare");

        var either = await SearchAsync("medborg* or invånare");

        Assert.Equal(prefix.Union(word).Order(), either.Select(h => h.Year).Order());
        Assert.Equal(5, either.Count);
        Assert.Contains("<mark>medborgerligt</mark>", either.Single(h => h.Year == 2007).Passages, StringComparison.Ordinal);
        Assert.Contains("<mark>invånare</mark>", either.Single(h => h.Year == 2013).Passages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefix_finds_four_motivations_with_lomma_2007_and_a_short_one_seven()
    {
        Assert.Equal([2007, 2009, 2021, 2023], await YearsAsync("medborg*"));
        Assert.Equal(7, (await YearsAsync("styr*")).Count);
    }

    [Fact]
    public async Task Or_binds_its_neighbours_and_terms_next_to_each_other_must_all_match()
    {
        var styr = await YearsAsync("styr*");
        var medborg = await YearsAsync("medborg*");
        var invanare = await YearsAsync("invånare");

        var found = await YearsAsync("styr* medborg* or invånare");

        Assert.Equal(styr.Intersect(medborg.Union(invanare)).Order(), found);
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task A_quoted_phrase_finds_its_words_only_next_to_each_other_and_in_order()
    {
        var words = await YearsAsync("hög kvalitet");

        var phrase = await SearchAsync("\"hög kvalitet\"");

        Assert.Equal(YearsWhoseMotivationContains("hög kvalitet"), phrase.Select(h => h.Year).Order());
        Assert.Contains(2007, words);
        Assert.DoesNotContain(2007, phrase.Select(h => h.Year));
        Assert.All(phrase, h => Assert.Contains("<mark>hög</mark> <mark>kvalitet</mark>", h.Passages, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_word_a_prefix_or_a_phrase_can_be_excluded()
    {
        var kvalitet = await YearsAsync("kvalitet");

        Assert.Equal(kvalitet.Except(await YearsAsync("\"hög kvalitet\"")), await YearsAsync("kvalitet -\"hög kvalitet\""));
        Assert.Equal(kvalitet.Except(await YearsAsync("styr*")), await YearsAsync("kvalitet -styr*"));
        Assert.Equal(kvalitet.Except(await YearsAsync("medborgare")), await YearsAsync("kvalitet -medborgare"));
        Assert.DoesNotContain(
            await SearchAsync("kvalitet -\"hög kvalitet\""),
            h => h.Passages.Contains("<mark>hög</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("styrnnig")]
    [InlineData("xyzzyplugh")]
    [InlineData("och att")]
    [InlineData("or")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("!&|():'\\")]
    [InlineData("medborg:*|styr*:")]
    public async Task A_misspelt_unknown_or_empty_text_finds_nothing_without_an_error(string text) =>
        Assert.Empty(await SearchAsync(text));

    [Theory]
    [InlineData("\"hög kvalitet")]
    [InlineData("hög or or kvalitet")]
    [InlineData("styrning\tkvalitet\r\n")]
    public async Task Unfinished_forms_and_line_breaks_are_no_error(string text) =>
        Assert.NotEmpty(await SearchAsync(text));

    [Theory]
    [InlineData("styr\0ning")]
    [InlineData("\0")]
    [InlineData("styrning\u0001\u001f\u007f")]
    public async Task A_control_character_is_refused_by_name_before_it_reaches_postgresql(string text)
    {
        var response = await kvk.Server.PostAsync(Query, new { text });

        var error = response["errors"]![0]!;
        Assert.Equal("INVALID_INPUT", (string?)error["extensions"]!["code"]);
        Assert.Contains("`$text`", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_of_the_longest_length_is_searched_and_a_longer_one_refused()
    {
        // Alternatives of one prefix, the last one's star repeated to the limit.
        var longest = ("styr*" + string.Concat(Enumerable.Repeat(" or styr*", 21))).PadRight(SearchQueries.MaxTextLength, '*');

        Assert.Equal(await YearsAsync("styr*"), await YearsAsync(longest));
        var refused = await kvk.Server.PostAsync(Query, new { text = longest + "x" });
        Assert.Equal("INVALID_SEARCH", (string?)refused["errors"]![0]!["extensions"]!["code"]);
    }
}

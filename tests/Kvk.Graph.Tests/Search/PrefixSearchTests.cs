using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Search;

/// <summary>Search finds what a reader counts: prefixes, and every passage of a hit.</summary>
public sealed class PrefixSearchTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private async Task<List<(int Year, List<string> Passages)>> SearchAsync(string text)
    {
        var data = await kvk.Server.QueryAsync("query($text: String!) { search(text: $text, first: 20) { nodes { award { year } passages } } }", new { text });
        return [.. data["search"]!["nodes"]!.AsArray().Select(n => (
            n!["award"]!["year"]!.GetValue<int>(),
            n["passages"]!.AsArray().Select(p => (string)p!).ToList()))];
    }

    private static IEnumerable<int> YearsWhoseMotivationHas(params string[] starts) =>
        SeedDocument.Winners()
            .Where(w => w.Motivation.Split([' ', ',', '.', '-', '”', '“', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .Any(word => starts.Any(s => word.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
            .Select(w => w.Year).Order();

    [Fact]
    public async Task A_prefix_finds_every_motivation_with_a_word_it_starts_lomma_2007_included()
    {
        var hits = await SearchAsync("medborg*");

        Assert.Equal(YearsWhoseMotivationHas("medborg"), hits.Select(h => h.Year).Order());
        Assert.Contains(2007, hits.Select(h => h.Year));
        Assert.Contains(hits.Single(h => h.Year == 2007).Passages, p => p.Contains("<mark>medborgerligt</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_short_prefix_finds_the_compounds_that_start_with_it()
    {
        var hits = await SearchAsync("styr*");

        Assert.Equal(YearsWhoseMotivationHas("styr"), hits.Select(h => h.Year).Order());
        Assert.All(hits, h => Assert.Contains("<mark>styr", string.Concat(h.Passages), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_prefix_can_be_excluded_and_combined_with_words()
    {
        var all = (await SearchAsync("kvalitet")).Select(h => h.Year).ToHashSet();
        var without = (await SearchAsync("kvalitet -styr*")).Select(h => h.Year).Order();

        Assert.Equal(all.Except(YearsWhoseMotivationHas("styr")).Order(), without);
    }

    [Fact]
    public async Task Every_passage_with_a_match_is_given()
    {
        var hits = await SearchAsync("kommun*");
        var most = hits.MaxBy(h => h.Passages.Count);
        var motivation = SeedDocument.Winners().Single(w => w.Year == most.Year).Motivation;
        var marks = most.Passages.Sum(p => p.Split("<mark>").Length - 1);

        Assert.True(most.Passages.Count > 2, $"The best hit had {most.Passages.Count} passages.");
        Assert.Equal(motivation.Split(' ').Count(w => w.Contains("kommun", StringComparison.OrdinalIgnoreCase)), marks);
    }
}

using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Reading;

public sealed class LoadedViewsTests
{
    [Fact]
    public async Task A_host_reads_again_a_document_another_host_changed_after_it_was_read()
    {
        await using var reader = await KvkTestServer.StartAsync();
        await using var writer = await KvkTestServer.StartAsync(reader.ConnectionString);
        var before = await reader.QueryAsync("{ award(year: 2023) { motivation } awards(where: { year: { eq: 2023 } }) { nodes { motivation } } }");
        Assert.DoesNotContain("Rättelse", before["award"]!["motivation"]!.GetValue<string>(), StringComparison.Ordinal);

        await writer.RecordAsync(new CorrectMotivation(2023, "Rättelse: Höganäs kommun har en lärande styrning.", "Ett ord föll bort."));

        // Other shapes than before, so that no cached response answers: the documents themselves are read.
        var after = await reader.QueryAsync("{ a: award(year: 2023) { motivation } b: awards(where: { year: { eq: 2023 } }) { nodes { motivation } } }");
        Assert.Equal("Rättelse: Höganäs kommun har en lärande styrning.", after["a"]!["motivation"]!.GetValue<string>());
        Assert.Equal("Rättelse: Höganäs kommun har en lärande styrning.", after["b"]!["nodes"]![0]!["motivation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_search_excerpt_follows_a_corrected_motivation()
    {
        await using var server = await KvkTestServer.StartAsync();
        const string Search = "query($text: String!) { search(text: $text) { nodes { excerpt award { year } } } }";
        var before = await server.QueryAsync(Search, new { text = "kommun" });
        Assert.Contains(before["search"]!["nodes"]!.AsArray(), n => n!["award"]!["year"]!.GetValue<int>() == 2023);

        await server.RecordAsync(new CorrectMotivation(2023, "Höganäs kommun har en lärande styrning och modiga medarbetare.", "Förtydligande."));

        var after = await server.QueryAsync(Search, new { text = "medarbetare" });
        Assert.Equal("har en lärande styrning och modiga <mark>medarbetare</mark>", after["search"]!["nodes"]![0]!["excerpt"]!.GetValue<string>());
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Kvk.Graph.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>
/// Every explorer page is a client of the API: one shipped document run through the one pipeline. Each page shows that
/// query, its id answers the same data on <c>/graphql</c>, the search page shows the API's search, and the operations
/// are in the operation log as the explorer's.
/// </summary>
public sealed partial class ExplorerQueryTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private HttpClient Client => kvk.Server.Client;

    private static readonly string[] Pages = [
        "/",
        "/karta",
        "/omgang/2023",
        "/kommun/1284",
        "/sok?q=styrning",
        "/kallor",
        "/en",
        "/en/map",
        "/en/round/2021",
        "/en/municipality/0643",
        "/en/search?q=styr*",
        "/en/sources",
    ];

    /// <summary>The page's content outside the query panel.</summary>
    private static IEnumerable<IElement> Content(ExplorerResponse page) => page.Main.Children.Where(e => !e.ClassList.Contains("query"));

    private async Task<JsonNode> RunAsync(string link)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {link}: {(int)response.StatusCode} {body}");
        var answer = JsonNode.Parse(body)!;
        Assert.Null(answer["errors"]);
        return answer["data"]!;
    }

    [Fact]
    public async Task Each_page_shows_its_query_and_the_query_s_id_answers_the_same_data_on_the_api()
    {
        foreach (var path in Pages)
        {
            var page = await ExplorerPages.GetOkAsync(Client, path);

            var panel = page.Main.QuerySelector("details.query")!;
            Assert.Equal(
                path.StartsWith("/en", StringComparison.Ordinal) ? "The query behind this page" : "Frågan bakom sidan",
                panel.QuerySelector("summary")!.Text());
            var document = panel.QuerySelector("pre.document")!.TextContent;
            Assert.Matches(@"(?m)^query Explorer\w+", document);
            var variables = panel.QuerySelector("pre.variables")?.TextContent;
            var run = panel.QuerySelector("a.run")!.GetAttribute("href")!;
            Assert.StartsWith("/graphql?documentId=sha256%3A", run, StringComparison.Ordinal);
            Assert.Equal(variables, QueryValue(run, "variables"));

            // The id names the document shown: the API answers it as it answers the document's text.
            var byId = await RunAsync(run);
            var byText = await kvk.Server.QueryAsync(document, variables is null ? null : JsonNode.Parse(variables));
            Assert.True(JsonNode.DeepEquals(byText, byId), $"{path}: {run}");
            AssertShows(path, page, byId);

            var downloads = panel.QuerySelectorAll("ul.query-links a:not(.run)").Select(a => a.GetAttribute("href")!).ToList();
            Assert.NotEmpty(downloads);
            Assert.All(downloads, d => Assert.Matches("^/download/(awards|nominations|rounds)\\.(csv|xlsx)(\\?where=.+)?$", d));
            Assert.Equal(
                downloads.Count(d => d.Contains(".csv", StringComparison.Ordinal)),
                downloads.Count(d => d.Contains(".xlsx", StringComparison.Ordinal)));
        }
    }

    /// <summary>What the page shows is what the answer holds.</summary>
    private static void AssertShows(string path, ExplorerResponse page, JsonNode data)
    {
        static IEnumerable<string> Values(JsonNode? list, Func<JsonNode, string> value) => list!.AsArray().Select(n => value(n!));
        var content = Content(page).ToList();
        switch (path)
        {
            case "/" or "/en":
                Assert.Equal(
                    Values(data["rounds"]!["nodes"], r => r["year"]!.ToString()),
                    page.Document.QuerySelectorAll("li.round h3").Select(h => h.Text()[^4..]));
                break;
            case "/karta" or "/en/map":
                Assert.Equal(
                    Values(data["wins"]!["groupBy"], g => g["keys"]![0]!["key"]!.ToString()).Distinct().Order(),
                    page.Document.QuerySelectorAll("svg a.winner").Select(a => a.GetAttribute("href")![^4..]).Order());
                break;
            case var round when round.Contains("/omgang/", StringComparison.Ordinal) || round.Contains("/round/", StringComparison.Ordinal):
                Assert.Equal(
                    Values(data["round"]!["nominees"], n => n["municipality"]!["code"]!.ToString()).Order(),
                    page.Document.QuerySelector("ul.nominees")!.MunicipalityLinks().Order());
                Assert.Equal(data["round"]!["history"]!.AsArray().Count, page.Document.QuerySelectorAll("ol.history > li").Length);
                break;
            case var municipality when municipality.Contains("/kommun/", StringComparison.Ordinal) || municipality.Contains(
                "/municipality/",
                StringComparison.Ordinal):
                Assert.Equal(data["municipality"]!["name"]!.ToString(), page.Document.QuerySelector("h1")!.Text());
                Assert.Equal(
                    Values(data["municipality"]!["nominations"], n => n["year"]!.ToString()),
                    page.Document.QuerySelectorAll("tbody tr th").Select(th => th.Text()));
                break;
            case "/kallor" or "/en/sources":
                Assert.Equal(
                    Values(data["rounds"]!["nodes"], r => r["year"]!.ToString()),
                    page.Document.QuerySelectorAll("ul.round-links a").Select(a => a.Text()));
                Assert.Equal(
                    Values(data["meta"]!["sources"], s => s["title"]!.ToString()),
                    page.Document.QuerySelectorAll("dl.sources cite").Select(c => c.Text()));
                break;
            default:
                Assert.Equal(
                    Values(data["search"]!["nodes"], n => n["award"]!["year"]!.ToString()),
                    content.SelectMany(e => e.QuerySelectorAll("ol.hits > li h2 a")).Select(a => a.GetAttribute("href")![^4..]));
                break;
        }
    }

    [Theory]
    [InlineData("medborg*")]
    [InlineData("styr*")]
    [InlineData("medborg* or invånare")]
    [InlineData("\"hög kvalitet\"")]
    [InlineData("kvalitet -omsorg")]
    [InlineData("medborgre")]
    [InlineData("styrning")]
    public async Task The_search_page_shows_the_api_s_hits_in_the_api_s_order_with_its_excerpts(string text)
    {
        var api = (await kvk.Server.QueryAsync(
            "query($text: String!) { search(text: $text) { totalCount nodes { excerpt award { year } } } }", new { text }))["search"]!;

        foreach (var path in new[] { "/sok?q=", "/en/search?q=" })
        {
            var page = await ExplorerPages.GetOkAsync(Client, path + Uri.EscapeDataString(text));

            var hits = page.Document.QuerySelectorAll("ol.hits > li");
            var nodes = api["nodes"]!.AsArray();
            Assert.Equal(
                nodes.Select(n => n!["award"]!["year"]!.GetValue<int>()),
                hits.Select(h => int.Parse(h.QuerySelector("h2 a")!.GetAttribute("href")![^4..], System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var (node, hit) in nodes.Zip(hits))
            {
                var excerpt = hit.QuerySelector(".excerpt")!;
                Assert.Equal(Unmarked(node!["excerpt"]!.GetValue<string>()), excerpt.TextContent.TrimStart('…', ' ').TrimEnd('…', ' '));
                Assert.Equal(Marks(node["excerpt"]!.GetValue<string>()), excerpt.QuerySelectorAll("mark").Select(m => m.TextContent));
            }

            if (nodes.Count == 0)
            {
                Assert.NotNull(page.Document.QuerySelector(".notice"));
            }
        }
    }

    [Fact]
    public async Task The_search_page_says_what_the_search_language_offers()
    {
        foreach (var path in new[] { "/sok", "/en/search" })
        {
            var page = await ExplorerPages.GetOkAsync(Client, path);

            var tips = page.Document.QuerySelectorAll("ul.tips code").Select(c => c.TextContent).ToList();
            Assert.Contains(tips, t => t.EndsWith('*'));
            Assert.Contains(tips, t => t.StartsWith('"'));
            Assert.Contains(tips, t => t.Contains(" -", StringComparison.Ordinal));
            Assert.Contains(tips, t => t.Contains(" or ", StringComparison.Ordinal));
            Assert.Null(page.Document.QuerySelector("details.query"));
        }
    }

    [Fact]
    public async Task A_search_the_api_refuses_is_a_400_page_in_the_page_s_language()
    {
        var english = await ExplorerPages.GetAsync(Client, "/en/search?q=" + new string('x', Kvk.Graph.Search.SearchQueries.MaxTextLength + 1));

        Assert.Equal(HttpStatusCode.BadRequest, english.Status);
        Assert.StartsWith("A search may be at most", english.Document.QuerySelector(".notice")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/omgang/0999", "Frågan avvisades")]
    [InlineData("/en/round/0999", "The request was refused")]
    public async Task An_address_whose_variable_the_api_refuses_is_a_400_page_with_the_api_s_words(string path, string title)
    {
        var api = await kvk.Server.PostAsync("query($year: Int!) { round(year: $year) { year } }", new { year = 999 });

        var page = await ExplorerPages.GetAsync(Client, path);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(title, page.Document.QuerySelector("h1")!.Text());
        Assert.Equal(api["errors"]![0]!["message"]!.GetValue<string>(), page.Document.QuerySelector("ul.api-errors li")!.Text());
    }

    [Fact]
    public async Task The_explorer_s_operations_are_in_the_operation_log_as_the_explorer_s()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            (WebApplicationBuilder builder) => builder.Logging.AddProvider(new CapturingLogger(lines, "Kvk.Operations")),
            "--Logging:LogLevel:Kvk.Operations=Information");

        foreach (var path in new[] { "/", "/karta", "/omgang/2023", "/kommun/1284", "/sok?q=styrning" })
        {
            await ExplorerPages.GetOkAsync(server.Client, path);
        }

        foreach (var operation in new[] { "ExplorerTimeline", "ExplorerMap", "ExplorerRound", "ExplorerMunicipality", "ExplorerSearch" })
        {
            Assert.Contains(lines, l => Regex.IsMatch(l, $@"^Explorer operation {operation} ok in [\d.]+ ms "));
        }
    }

    private static string? QueryValue(string link, string name) =>
        link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p[0] == name)
            .Select(p => Uri.UnescapeDataString(p[1]))
            .SingleOrDefault();

    private static string Unmarked(string excerpt) => excerpt.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);

    private static IEnumerable<string> Marks(string excerpt) => MarkPattern().Matches(excerpt).Select(m => m.Groups[1].Value);

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkPattern();
}

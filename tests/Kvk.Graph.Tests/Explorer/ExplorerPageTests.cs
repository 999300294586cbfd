using System.Net;
using AngleSharp.Dom;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Explorer;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>The explorer's pages over the seeded history, compared with the source documents in <c>seeds/</c>.</summary>
public sealed class ExplorerPageTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string Hoganas = "1284";
    private const string Helsingborg = "1283";

    private HttpClient Client => kvk.Server.Client;

    private static Dictionary<int, string> WinnerCodes() =>
        SeedDocument.Nominees().Where(n => n.Role == "winner").ToDictionary(n => n.Year, n => n.Code);

    private static IElement RoundOnTimeline(ExplorerResponse page, int year) =>
        page.Document.QuerySelectorAll("li.round").Single(r => r.QuerySelector("h3")!.Text().EndsWith($" {year}", StringComparison.Ordinal));

    [Fact]
    public async Task The_timeline_shows_every_round_with_its_announced_winner_and_its_nominees()
    {
        var page = await ExplorerPages.GetOkAsync(Client, "/");

        Assert.Equal("sv", page.Document.DocumentElement.GetAttribute("lang"));
        var years = page.Document.QuerySelectorAll("li.round h3")
            .Select(h => int.Parse(h.Text()[^4..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 2025 - (2 * i)), years);
        var winnerCodes = WinnerCodes();
        var winners = SeedDocument.Winners();
        Assert.Equal(11, winners.Count);
        foreach (var winner in winners)
        {
            var round = RoundOnTimeline(page, winner.Year);
            var shown = round.QuerySelector("dd.winner")!;
            Assert.Equal(winner.RecipientName, shown.Text());
            Assert.Equal([winnerCodes[winner.Year]], shown.MunicipalityLinks());
            Assert.Equal("Tillkännagiven", round.QuerySelector("dt + dd")!.Text());
            Assert.Equal(
                SeedDocument.Nominees().Where(n => n.Year == winner.Year).Select(n => n.Code).Order(),
                round.QuerySelector("ul.nominees")!.MunicipalityLinks().Order());
        }

        var open = RoundOnTimeline(page, 2025);
        Assert.Null(open.QuerySelector("dd.winner"));
        Assert.Equal("Juryn bedömer de nominerade", open.QuerySelector("dt + dd")!.Text());
        Assert.Equal(["0643", "0840", "1263", "1401"], open.QuerySelector("ul.nominees")!.MunicipalityLinks().Order());
        Assert.Equal(
            SeedDocument.Nominees().Where(n => n.Year == 2025).Select(n => n.Code).Order(),
            open.QuerySelector("ul.nominees")!.MunicipalityLinks().Order());
    }

    [Fact]
    public async Task Every_round_page_quotes_the_motivation_of_the_source_document_and_tells_the_rounds_history()
    {
        var winnerCodes = WinnerCodes();
        foreach (var winner in SeedDocument.Winners())
        {
            var page = await ExplorerPages.GetOkAsync(Client, $"/omgang/{winner.Year}");

            Assert.Equal($"Sveriges KvalitetsKommun {winner.Year}", page.Document.QuerySelector("h1")!.Text());
            var decision = page.Document.QuerySelector("section.decision")!;
            Assert.Equal($"Vinnare: {winner.RecipientName}", decision.QuerySelector("h2")!.Text());
            Assert.Equal([winnerCodes[winner.Year]], decision.QuerySelector("h2")!.MunicipalityLinks());
            Assert.Equal(winner.Motivation, decision.QuerySelector("blockquote.motivation")!.TextContent);
            var history = page.Document.QuerySelectorAll("ol.history > li > p:first-child").Select(p => p.Text()).ToList();
            Assert.Equal("Omgången öppnades.", history[0]);
            Assert.Equal(SeedDocument.Nominees().Count(n => n.Year == winner.Year), history.Count(h => h.EndsWith(" nominerades.", StringComparison.Ordinal)));
            Assert.StartsWith("Juryns beslut registrerades: ", history[^2], StringComparison.Ordinal);
            Assert.StartsWith("Priset tillkännagavs: ", history[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_2025_round_page_lists_its_four_nominees_and_no_winner()
    {
        var page = await ExplorerPages.GetOkAsync(Client, "/omgang/2025");

        Assert.Equal(["0643", "0840", "1263", "1401"], page.Document.QuerySelector("ul.nominees")!.MunicipalityLinks().Order());
        Assert.Null(page.Document.QuerySelector("blockquote.motivation"));
        Assert.Equal("Ingen vinnare är utsedd ännu.", page.Document.QuerySelector("section.decision")!.Text());
        Assert.Equal("Status: Juryn bedömer de nominerade", page.Document.QuerySelector("p.status")!.Text());
        Assert.Equal("/omgang/2023", page.Document.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task A_municipality_page_shows_its_county_its_awards_its_nominations_and_its_data_elsewhere()
    {
        var winners = SeedDocument.Winners().ToDictionary(w => w.Year);

        var hoganas = await ExplorerPages.GetOkAsync(Client, $"/kommun/{Hoganas}");
        var helsingborg = await ExplorerPages.GetOkAsync(Client, $"/kommun/{Helsingborg}");

        Assert.Equal("Höganäs", hoganas.Document.QuerySelector("h1")!.Text());
        Assert.Equal("Höganäs kommun i Skåne län. Kommunkod 1284.", hoganas.Document.QuerySelector("p.lead")!.Text());
        Assert.Equal("Vann 2023. Nominerad 2021 och 2023.", hoganas.Document.QuerySelector("p.achievement")!.Text());
        var award = Assert.Single(hoganas.Document.QuerySelectorAll("section.award"));
        Assert.Equal("Sveriges KvalitetsKommun 2023: Höganäs kommun", award.QuerySelector("h3")!.Text());
        Assert.Equal(winners[2023].Motivation, award.QuerySelector("blockquote")!.TextContent);
        Assert.Equal(
            [["2021", "Nominerad"], ["2023", "Vinnare"]],
            hoganas.Document.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()));
        var elsewhere = hoganas.Document.QuerySelectorAll("ul.elsewhere a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://api.kolada.se/v2/municipality/1284", elsewhere);
        Assert.Contains("https://api.kolada.se/v2/data/municipality/1284/year/2023", elsewhere);
        Assert.Contains(elsewhere, href => href!.StartsWith("https://www.wikidata.org/wiki/Q", StringComparison.Ordinal));

        var helsingborgAward = Assert.Single(helsingborg.Document.QuerySelectorAll("section.award"));
        Assert.Equal("Sveriges KvalitetsKommun 2017: Helsingborgs stad", helsingborgAward.QuerySelector("h3")!.Text());
        Assert.Equal(winners[2017].Motivation, helsingborgAward.QuerySelector("blockquote")!.TextContent);
    }

    [Fact]
    public async Task A_municipality_never_nominated_says_so()
    {
        var page = await ExplorerPages.GetOkAsync(Client, "/kommun/0117");

        Assert.Equal("Österåker", page.Document.QuerySelector("h1")!.Text());
        Assert.Equal("Aldrig nominerad.", page.Document.QuerySelector("p.achievement")!.Text());
        Assert.Null(page.Document.QuerySelector("table"));
        Assert.Null(page.Document.QuerySelector("section.award"));
    }

    [Fact]
    public async Task The_map_draws_all_290_municipalities_as_named_links_classed_by_what_each_achieved()
    {
        var directory = kvk.Server.Services.GetRequiredService<MunicipalityDirectory>();
        var nominees = SeedDocument.Nominees();
        var winnerCodes = WinnerCodes().Values.ToHashSet();
        var nomineeCodes = nominees.Select(n => n.Code).ToHashSet();

        var page = await ExplorerPages.GetOkAsync(Client, "/karta");

        var shapes = page.Document.QuerySelectorAll("svg .municipalities a");
        Assert.Equal(290, shapes.Length);
        Assert.Equal(directory.All.Select(m => $"/kommun/{m.Code}"), shapes.Select(a => a.GetAttribute("href")));
        foreach (var (shape, municipality) in shapes.Zip(directory.All))
        {
            var expected = winnerCodes.Contains(municipality.Code) ? "winner" : nomineeCodes.Contains(municipality.Code) ? "nominee" : "never";
            Assert.Equal(expected, shape.GetAttribute("class"));
            var name = shape.GetAttribute("aria-label")!;
            Assert.StartsWith($"{municipality.Name}: ", name, StringComparison.Ordinal);
            Assert.Equal(name, shape.QuerySelector("title")!.TextContent);
            Assert.Matches("^M[0-9]+ [0-9]+l[-0-9 ]+z", shape.QuerySelector("path")!.GetAttribute("d"));
        }

        Assert.Equal("winner", shapes.Single(a => a.GetAttribute("href") == $"/kommun/{Hoganas}").GetAttribute("class"));
        Assert.Equal(
            "Höganäs: Vann 2023. Nominerad 2021 och 2023.",
            shapes.Single(a => a.GetAttribute("href") == $"/kommun/{Hoganas}").GetAttribute("aria-label"));
        Assert.Equal("nominee", shapes.Single(a => a.GetAttribute("href") == "/kommun/0643").GetAttribute("class"));
        Assert.Equal("Österåker: Aldrig nominerad.", shapes.Single(a => a.GetAttribute("href") == "/kommun/0117").GetAttribute("aria-label"));
        Assert.Equal(21, page.Document.QuerySelectorAll("svg .counties path").Length);
        Assert.Contains("Statistiska centralbyrån (SCB)", page.Document.QuerySelector("figcaption")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beside_the_map_a_table_per_county_counts_municipalities_nominations_and_wins()
    {
        var directory = kvk.Server.Services.GetRequiredService<MunicipalityDirectory>();
        var nominees = SeedDocument.Nominees();
        var winnerCodes = WinnerCodes();

        var page = await ExplorerPages.GetOkAsync(Client, "/karta");

        var table = page.Document.QuerySelector("table.numbers")!;
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()).ToList();
        Assert.Equal(directory.Counties.Select(c => c.Name), rows.Select(r => r[0]));
        foreach (var county in directory.Counties)
        {
            var codes = directory.InCounty(county.Code).Select(m => m.Code).ToHashSet();
            Assert.Equal(
                [
                    county.Name,
                    Invariant(codes.Count),
                    Invariant(nominees.Count(n => codes.Contains(n.Code))),
                    Invariant(winnerCodes.Values.Count(codes.Contains)),
                ],
                rows.Single(r => r[0] == county.Name));
        }

        Assert.Equal(["Skåne län", "33", "10", "4"], rows.Single(r => r[0] == "Skåne län"));
        Assert.Equal(["Hela Sverige", "290", Invariant(nominees.Count), "11"], table.QuerySelector("tfoot tr")!.Children.Select(c => c.Text()));
        Assert.All(table.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
    }

    [Fact]
    public async Task The_search_finds_the_motivations_the_api_finds_best_first_with_the_words_marked()
    {
        var api = (await kvk.Server.QueryAsync("{ search(text: \"styrning\") { nodes { award { year } } } }"))["search"]!["nodes"]!.AsArray()
            .Select(n => n!["award"]!["year"]!.GetValue<int>()).ToList();

        var page = await ExplorerPages.GetOkAsync(Client, "/sok?q=styrning");

        var hits = page.Document.QuerySelectorAll("ol.hits > li");
        Assert.NotEmpty(api);
        Assert.Equal(api.Select(y => $"/omgang/{y}"), hits.Select(h => h.QuerySelector("h2 a")!.GetAttribute("href")));
        Assert.All(hits, hit =>
        {
            var marks = hit.QuerySelectorAll(".excerpt mark");
            Assert.NotEmpty(marks);
            Assert.All(marks, m => Assert.StartsWith("styrning", m.TextContent.ToLowerInvariant(), StringComparison.Ordinal));
        });
        Assert.Equal($"{api.Count} träffar för ”styrning”, bästa först.", page.Document.QuerySelector("[role=status]")!.Text());
        Assert.Equal("styrning", page.Document.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_search_stems_swedish_words()
    {
        var page = await ExplorerPages.GetOkAsync(Client, "/sok?q=" + Uri.EscapeDataString("styrningen"));

        Assert.NotEmpty(page.Document.QuerySelectorAll("ol.hits > li"));
    }

    [Fact]
    public async Task An_empty_or_too_long_search_gets_a_clear_message_on_the_search_page()
    {
        var none = await ExplorerPages.GetOkAsync(Client, "/sok");
        var empty = await ExplorerPages.GetAsync(Client, "/sok?q=++");
        var control = await ExplorerPages.GetAsync(Client, "/sok?q=%00");
        var stopWords = await ExplorerPages.GetOkAsync(Client, "/sok?q=och");
        var tooLong = await ExplorerPages.GetAsync(Client, "/sok?q=" + new string('a', SearchQueriesMax + 1));

        Assert.Null(none.Document.QuerySelector(".notice"));
        // The API refuses an empty text (INVALID_SEARCH) as it refuses a too long one: the page says so, with 400.
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.BadRequest, control.Status);
        // Told in the page's language, with the API's own words beside it.
        const string ApiWords = " The search text must have 1 to 200 characters.";
        Assert.Equal("Skriv ett eller flera ord att söka efter." + ApiWords, empty.Document.QuerySelector(".notice")!.Text());
        Assert.Equal("Skriv ett eller flera ord att söka efter." + ApiWords, control.Document.QuerySelector(".notice")!.Text());
        Assert.Equal("Inga motiveringar matchar ”och”. Pröva ett annat ord eller färre ord.", stopWords.Document.QuerySelector(".notice")!.Text());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal($"Sökningen får vara högst {SearchQueriesMax} tecken lång; din var {SearchQueriesMax + 1} tecken. " +
            "Korta den och sök igen." + ApiWords, tooLong.Document.QuerySelector(".notice")!.Text());
        Assert.Equal("Sök i juryns motiveringar", tooLong.Document.QuerySelector("h1")!.Text());
    }

    private static string Invariant(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int SearchQueriesMax => Kvk.Graph.Search.SearchQueries.MaxTextLength;

    [Fact]
    public async Task Every_page_has_its_english_version_and_links_to_it()
    {
        var pairs = new[]
        {
            ("/", "/en"),
            ("/karta", "/en/map"),
            ("/omgang/2023", "/en/round/2023"),
            ($"/kommun/{Hoganas}", $"/en/municipality/{Hoganas}"),
            ("/sok?q=styrning", "/en/search?q=styrning"),
        };
        foreach (var (swedishPath, englishPath) in pairs)
        {
            var swedish = await ExplorerPages.GetOkAsync(Client, swedishPath);
            var english = await ExplorerPages.GetOkAsync(Client, englishPath);

            Assert.Equal("sv", swedish.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
            Assert.Equal(englishPath, swedish.Document.QuerySelector("nav a[hreflang=en]")!.GetAttribute("href"));
            Assert.Equal(swedishPath, english.Document.QuerySelector("nav a[hreflang=sv]")!.GetAttribute("href"));
            Assert.Equal("sv", english.Document.QuerySelector("nav a[hreflang=sv]")!.GetAttribute("lang"));
            Assert.NotEqual(swedish.Main.Text(), english.Main.Text());
            // The same record in both: the same links to rounds and municipalities, in the other language's addresses.
            Assert.Equal(Links(swedish, "/omgang/", "/kommun/"), Links(english, "/en/round/", "/en/municipality/"));

            // Each offers its language's Atom feed in its head, and a municipality's page that municipality's feed besides.
            var municipality = swedishPath.StartsWith("/kommun/", StringComparison.Ordinal);
            Assert.Equal(municipality ? ["/feed.atom", $"/kommun/{Hoganas}/feed.atom"] : ["/feed.atom"], Feeds(swedish));
            Assert.Equal(municipality ? ["/en/feed.atom", $"/en/municipality/{Hoganas}/feed.atom"] : ["/en/feed.atom"], Feeds(english));
        }

        var hoganas = await ExplorerPages.GetOkAsync(Client, $"/kommun/{Hoganas}");
        Assert.Equal("Följ Höganäs i registret (Atom-flöde)", hoganas.Main.QuerySelector($"a[href='/kommun/{Hoganas}/feed.atom']")!.Text());

        var round = await ExplorerPages.GetOkAsync(Client, "/en/round/2023");
        Assert.Equal("Winner: Höganäs kommun", round.Document.QuerySelector("section.decision h2")!.Text());
        Assert.Equal(SeedDocument.Winners().Single(w => w.Year == 2023).Motivation, round.Document.QuerySelector("blockquote.motivation")!.TextContent);
        var timeline = await ExplorerPages.GetOkAsync(Client, "/en");
        Assert.Equal("The jury is reviewing the nominees", RoundOnTimeline(timeline, 2025).QuerySelector("dt + dd")!.Text());
        var map = await ExplorerPages.GetOkAsync(Client, "/en/map");
        Assert.Equal(
            "Höganäs: Won in 2023. Nominated in 2021 and 2023.",
            map.Document.QuerySelector($"a[href='/en/municipality/{Hoganas}']")!.GetAttribute("aria-label"));
    }

    /// <summary>The Atom feeds a page's head offers (<c>&lt;link rel="alternate" type="application/atom+xml"&gt;</c>), each with a title.</summary>
    private static List<string> Feeds(ExplorerResponse page) =>
        [.. page.Document.Head!.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']")
            .Select(link => (Href: link.GetAttribute("href")!, Title: link.GetAttribute("title")))
            .Select(feed => string.IsNullOrWhiteSpace(feed.Title) ? "untitled " + feed.Href : feed.Href)];

    /// <summary>The rounds and municipalities a page's main content links to, as years and codes.</summary>
    private static List<string> Links(ExplorerResponse page, string roundPrefix, string municipalityPrefix) =>
        [.. page.Main.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith(roundPrefix, StringComparison.Ordinal) || h.StartsWith(municipalityPrefix, StringComparison.Ordinal))
            .Select(h => h.StartsWith(roundPrefix, StringComparison.Ordinal)
                ? "round " + h[roundPrefix.Length..]
                : "municipality " + h[municipalityPrefix.Length..])];

    [Theory]
    [InlineData("/omgang/2024", "Det finns ingen omgång av Sveriges KvalitetsKommun för år 2024.")]
    [InlineData("/omgang/abc", "Det finns ingen sida på den adressen.")]
    [InlineData("/kommun/9999", "Det finns ingen kommun med koden ”9999”. Kommunkoder har fyra siffror, till exempel 0180 för Stockholm.")]
    [InlineData("/en/round/1999", "There is no round of Sveriges KvalitetsKommun in 1999.")]
    [InlineData("/en/municipality/180", "There is no municipality with the code “180”. Municipality codes have four digits, e.g. 0180 for Stockholm.")]
    public async Task An_address_that_names_nothing_gets_a_404_page_that_says_why(string path, string message)
    {
        var page = await ExplorerPages.GetAsync(Client, path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(message, page.Main.QuerySelector("p")!.Text());
    }

    [Fact]
    public async Task Pages_have_no_script_and_no_inline_style_and_are_served_with_a_strict_content_security_policy()
    {
        foreach (var path in new[] { "/", "/karta", "/omgang/2023", $"/kommun/{Hoganas}", "/sok?q=styrning", "/en/map", "/omgang/1999" })
        {
            var page = await ExplorerPages.GetAsync(Client, path);

            var csp = string.Join(" ", page.Response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal(ExplorerEndpoints.ContentSecurityPolicy.Value, csp);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(page.Response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(page.Response.Headers.GetValues("X-Frame-Options")));
            Assert.Empty(page.Document.QuerySelectorAll("script, style, [style]"));
            Assert.DoesNotContain(page.Document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            var stylesheet = Assert.Single(page.Document.QuerySelectorAll("link[rel=stylesheet]")).GetAttribute("href")!;
            Assert.StartsWith("/explorer.css?v=", stylesheet, StringComparison.Ordinal);
            Assert.Equal("innehall", page.Document.QuerySelector("a.skip")!.GetAttribute("href")![1..]);
            Assert.NotNull(page.Document.GetElementById("innehall"));
            Assert.Single(page.Document.QuerySelectorAll("h1"));
        }

        var home = await ExplorerPages.GetOkAsync(Client, "/");
        using var css = await Client.GetAsync(Assert.Single(home.Document.QuerySelectorAll("link[rel=stylesheet]")).GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_spellings_of_an_address_and_head_requests_get_the_same_page()
    {
        var canonical = await ExplorerPages.GetOkAsync(Client, "/karta");
        var other = await ExplorerPages.GetOkAsync(Client, "/Karta/");
        using var request = new HttpRequestMessage(HttpMethod.Head, "/omgang/2023");
        using var head = await Client.SendAsync(request);

        Assert.Equal(canonical.Html, other.Html);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Every_page_with_data_shows_the_data_version_it_shows_at_its_foot()
    {
        var version = (await kvk.Server.QueryAsync("{ meta { dataVersion } }"))["meta"]!["dataVersion"]!.GetValue<string>();
        foreach (var path in new[] { "/", "/karta", "/omgang/2023", $"/kommun/{Hoganas}", "/sok?q=demokrati", "/en/round/2023", "/kallor" })
        {
            var page = await ExplorerPages.GetOkAsync(Client, path);

            var shown = page.Document.QuerySelector("footer .data-version")?.TextContent ?? $"(no data version on {path})";
            Assert.Contains(version, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_footer_links_to_the_downloads_to_graphiql_to_the_feed_and_to_the_sources_and_terms()
    {
        var page = await ExplorerPages.GetOkAsync(Client, "/");

        var links = page.Document.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/download/awards.csv", "/download/nominations.csv", "/graphql", "/feed.atom", "/kallor"], links);
        foreach (var link in links)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, link);
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

using Kvk.Graph.Explorer;
using Kvk.Graph.Tests.Support;
using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>
/// Provenance where people look, in a real browser: each round page shows its notes in full, says when its list of
/// nominees was not published, and links every source of its facts (or names it as text where it has no address); the
/// footer of every page leads to the sources and terms.
/// </summary>
public sealed class ExplorerSourcesTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private static readonly ExplorerLanguage[] Languages = [ExplorerLanguage.Swedish, ExplorerLanguage.English];

    private string Url(string path) => new Uri(kvk.Server.Client.BaseAddress!, path).ToString();

    private async Task<IReadOnlyList<int>> SeededYearsAsync() =>
        [.. (await kvk.Server.QueryAsync("{ rounds(first: 100, order: [{ year: ASC }], where: { year: { lte: 2025 } }) { nodes { year } } }"))
            ["rounds"]!["nodes"]!.AsArray().Select(r => r!["year"]!.GetValue<int>())];

    [Fact]
    public async Task The_2025_round_page_shows_its_note_in_full_with_the_note_s_source()
    {
        var note = (await kvk.Server.QueryAsync("{ round(year: 2025) { notes { text sources { title publishedOn } } } }"))
            ["round"]!["notes"]![0]!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        foreach (var language in Languages)
        {
            await page.GotoAsync(Url(language.Round(2025)));

            var shown = page.Locator("section.notes > ul > li");
            Assert.Equal(1, await shown.CountAsync());
            Assert.Equal(note["text"]!.GetValue<string>(), await shown.Locator("p[lang=en]").TextContentAsync());
            var source = note["sources"]![0]!;
            Assert.Equal(source["title"]!.GetValue<string>(), await shown.Locator(".source-list cite").TextContentAsync());
            Assert.Contains(source["publishedOn"]!.GetValue<string>(), await shown.Locator(".source-list li").TextContentAsync(), StringComparison.Ordinal);

            // The note's source also stands in the page's sources, as the source of the note.
            Assert.Contains(
                language.Supports(Kvk.Domain.Sources.SourceSupports.Note),
                await page.Locator("section.provenance dt").AllTextContentsAsync());
        }
    }

    [Fact]
    public async Task Rounds_whose_nominee_list_was_not_published_say_so_and_the_others_do_not()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        foreach (var language in Languages)
        {
            foreach (var year in new[] { 2007, 2009, 2013 })
            {
                await page.GotoAsync(Url(language.Round(year)));
                Assert.Equal(language.NomineeCoverage(NomineesKnownValue.WinnerOnly), await page.Locator("p.coverage").TextContentAsync());
            }

            await page.GotoAsync(Url(language.Round(2023)));
            Assert.Equal(0, await page.Locator("p.coverage").CountAsync());
        }

        Assert.Contains("was not published", ExplorerLanguage.English.NomineeCoverage(NomineesKnownValue.WinnerOnly), StringComparison.Ordinal);
        Assert.Contains("publicerades inte", ExplorerLanguage.Swedish.NomineeCoverage(NomineesKnownValue.WinnerOnly), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_source_on_every_seeded_round_page_is_a_web_link_or_named_as_text()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var failures = new List<string>();

        foreach (var language in Languages)
        {
            foreach (var year in await SeededYearsAsync())
            {
                var path = language.Round(year);
                await page.GotoAsync(Url(path));
                var items = await page.Locator("main .source-list li").AllAsync();
                if (items.Count == 0)
                {
                    failures.Add($"{path}: no sources");
                }

                foreach (var item in items)
                {
                    var links = await item.Locator("a").AllAsync();
                    var cite = (await item.Locator("cite").TextContentAsync())?.Trim();
                    if (string.IsNullOrEmpty(cite))
                    {
                        failures.Add($"{path}: a source without a title");
                    }

                    foreach (var link in links)
                    {
                        // The address as written (not as the browser resolves it): an empty one or "#" would resolve to the page itself.
                        var href = await link.GetAttributeAsync("href");
                        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                        {
                            failures.Add($"{path}: “{cite}” links to “{href}”");
                        }
                    }
                }

                // The decision of an announced round stands on its page with the document its motivation is quoted from.
                if (year != 2025)
                {
                    var decision = page.Locator("section.provenance dd").Nth(
                        (await page.Locator("section.provenance dt").AllTextContentsAsync()).ToList().IndexOf(
                            language.Supports(Kvk.Domain.Sources.SourceSupports.Decision)));
                    var title = await decision.Locator("cite").First.TextContentAsync();
                    Assert.StartsWith("Vinnare av Sveriges KvalitetsKommun", title, StringComparison.Ordinal);
                    Assert.Equal(0, await decision.Locator("a").CountAsync());
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_source_that_is_only_a_site_s_home_page_says_so_and_an_undated_one_says_its_date_is_unknown()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        foreach (var language in Languages)
        {
            await page.GotoAsync(Url(language.Round(2019)));
            var list = page.Locator("section.provenance dd").First.Locator("li");

            Assert.Equal(
                ["https://sollentuna.se/", "https://vartlulea.se/"],
                await list.Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));
            Assert.All(
                await list.AllTextContentsAsync(),
                text => Assert.EndsWith($"({language.SourceIsHomePage}, {language.SourceHasNoDate})", text.Trim(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_municipality_page_links_the_sources_of_its_nominations_and_awards_and_labels_kolada_s_json()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        foreach (var language in Languages)
        {
            await page.GotoAsync(Url(language.Municipality("1284")));

            Assert.Equal(
                [language.SourcesOfNomination(2021), language.SourcesOfNomination(2023), language.SourcesOfAward(2023)],
                await page.Locator("dl.sources dt").AllTextContentsAsync());
            Assert.Contains(
                "https://mynewsdesk.com/se/svenska_massan/pressreleases/fyra-kommuner-nominerade-till-sveriges-kvalitetskommun-2023-3237742",
                await page.Locator("dl.sources a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));

            var kolada = page.Locator("ul.elsewhere a[href^='https://api.kolada.se/']");
            Assert.All(await kolada.AllTextContentsAsync(), text => Assert.Contains("JSON", text, StringComparison.Ordinal));
            Assert.Equal(1, await page.Locator($"ul.elsewhere a[href='{MunicipalityElsewhere.KoladaSite}']").CountAsync());
        }
    }

    [Fact]
    public async Task The_footer_leads_to_a_page_of_the_sources_and_terms_in_the_api_s_words()
    {
        var meta = (await kvk.Server.QueryAsync("{ meta { licence sources { title } } }"))["meta"]!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        foreach (var language in Languages)
        {
            await page.GotoAsync(Url(language.Round(2023)));
            var footerLink = page.Locator($"footer a[href='{language.Sources}']");
            Assert.Equal(language.SourcesLink, await footerLink.TextContentAsync());

            var response = await page.RunAndWaitForResponseAsync(() => footerLink.ClickAsync(), Url(language.Sources));
            await page.WaitForURLAsync(Url(language.Sources));
            Assert.Equal(200, response.Status);
            Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type"), StringComparison.Ordinal);
            Assert.Equal(language.SourcesTitle, await page.Locator("h1").TextContentAsync());
            Assert.Equal(meta["licence"]!.GetValue<string>(), await page.Locator("blockquote.licence").TextContentAsync());
            Assert.Equal(
                meta["sources"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()),
                await page.Locator("dl.sources cite").AllTextContentsAsync());
            // Other classes record rounds of their own on the shared host, after the seeded ones.
            var seeded = await SeededYearsAsync();
            Assert.Equal(
                seeded.Select(y => language.Round(y)),
                (await page.Locator("ul.round-links a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))")).Take(seeded.Count));
        }
    }
}

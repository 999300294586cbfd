using Kvk.Graph.Tests.Support;
using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>
/// The explorer in a real browser (Debian's Chromium): every kind of page passes axe-core's WCAG 2.1 A and AA
/// rules at a desktop and a phone width, loads under its own Content-Security-Policy without a refusal, and
/// works from the keyboard. The desktop screenshots go to <c>docs/</c> for the README.
/// </summary>
public sealed class ExplorerBrowserTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private static readonly (string Name, string Path)[] SwedishPages =
        [("timeline", "/"), ("map", "/karta"), ("round", "/omgang/2023"), ("municipality", "/kommun/1284"), ("search", "/sok?q=styrning")];

    /// <summary>A search the API refuses (an empty text): the search page says so, with status 400.</summary>
    private const string RefusedSearch = "/en/search?q=";

    private static readonly string[] EnglishPages =
        ["/en", "/en/map", "/en/round/2025", "/en/municipality/0180", "/en/search?q=kvalitet", RefusedSearch, "/en/sources"];

    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private string Url(string path) => new Uri(kvk.Server.Client.BaseAddress!, path).ToString();

    [Fact]
    public async Task Every_kind_of_page_passes_axe_at_a_desktop_and_a_phone_width()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var violations = new List<string>();
        foreach (var viewport in new[] { Desktop, Phone })
        {
            // axe is injected as an inline script, which the pages' own policy forbids: this context lets it in.
            await using var context = await browser.NewContextAsync(new() { ViewportSize = viewport, BypassCSP = true, Locale = "sv-SE" });
            var page = await context.NewPageAsync();
            foreach (var path in SwedishPages.Select(p => p.Path).Concat(EnglishPages))
            {
                await page.GotoAsync(Url(path));
                violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{path} at {viewport.Width}px: {v}"));
            }

            if (viewport == Desktop)
            {
                foreach (var (name, path) in SwedishPages)
                {
                    await page.GotoAsync(Url(path));
                    await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath($"explorer-{name}.png"), FullPage = true });
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Pages_load_under_their_own_content_security_policy_with_their_stylesheet_and_nothing_refused()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = Desktop });
        var failures = new List<string>();
        page.Console += (_, message) =>
        {
            // The refused search's own status (400) is reported by Chromium as a resource that failed: it is the page's
            // answer, not something the policy refused.
            var ownStatus = page.Url.EndsWith(RefusedSearch, StringComparison.Ordinal) && message.Text.StartsWith(
                "Failed to load resource: the server responded with a status of 400", StringComparison.Ordinal);
            if (message.Type is "error" or "warning" && !ownStatus)
            {
                failures.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => failures.Add($"{page.Url}: {error}");

        foreach (var path in SwedishPages.Select(p => p.Path).Concat(EnglishPages))
        {
            var response = await page.GotoAsync(Url(path));
            Assert.NotNull(response);
            Assert.True(path == RefusedSearch ? response.Status == 400 : response.Ok, $"{path} answered {response.Status}");
            // The stylesheet applied: the header has its coloured top border.
            Assert.Equal("6px", await page.EvalOnSelectorAsync<string>("header.site", "e => getComputedStyle(e).borderTopWidth"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_keyboard_user_skips_to_the_content_and_reaches_each_municipality_of_the_map_by_its_name()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ExplorerBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = Phone, Locale = "sv-SE" });
        await page.GotoAsync(Url("/karta"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa till innehållet", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        var skip = await page.Locator("a.skip").BoundingBoxAsync();
        Assert.True(skip is { Y: >= 0 } && skip.Y + skip.Height <= Phone.Height, "The focused skip link is on screen.");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("innehall", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hoppa förbi kartans 290 länkar till tabellerna", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("/kommun/0114", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.Equal("3px", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"));

        // Chromium's accessibility tree names every shape of the map: a screen reader finds Höganäs by what it achieved.
        var hoganas = page.GetByRole(AriaRole.Link, new() { Name = "Höganäs: Vann 2023. Nominerad 2021 och 2023.", Exact = true });
        Assert.Equal(1, await hoganas.CountAsync());
        Assert.Equal(290, await page.Locator("svg .municipalities").GetByRole(AriaRole.Link).CountAsync());
        await hoganas.FocusAsync();
        Assert.Equal("/kommun/1284", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        var navigated = page.WaitForURLAsync("**/kommun/1284");
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        Assert.Equal("Höganäs", await page.Locator("h1").TextContentAsync());
    }
}

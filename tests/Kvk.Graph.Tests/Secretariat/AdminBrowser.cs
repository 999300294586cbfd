using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// The admin page in Debian's Chromium for the browser tests: a host with two secretaries' tokens, a signed-in page per
/// browser context (one context per secretary), axe-core, and the screenshots kept in <c>docs/</c>.
/// </summary>
public static class AdminBrowser
{
    public const string AnnaToken = "browser-token-anna-5d2b";
    public const string AnnaName = "Anna Andersson";
    public const string BoToken = "browser-token-bo-71e0";
    public const string BoName = "Bo Berg";

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Debian's Chromium, offline: Playwright's own browser download cannot work on these machines.</summary>
    private static readonly string[] ChromiumArgs =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ];

    public static Task<KvkTestServer> StartServerAsync() => KvkTestServer.StartAsync(
        null,
        $"--Kvk:Secretariat:Tokens:0:Name={AnnaName}",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(AnnaToken))}",
        $"--Kvk:Secretariat:Tokens:1:Name={BoName}",
        $"--Kvk:Secretariat:Tokens:1:Sha256={Convert.ToHexString(SecretariatTokens.Hash(BoToken))}");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });

    /// <summary>A secretary's own browser context (axe is injected as a script, so the page's policy is bypassed), on the admin page.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, KvkTestServer server, ViewportSize viewport, List<string> failures)
    {
        var context = await browser.NewContextAsync(new() { Locale = "sv-SE", TimezoneId = "Europe/Stockholm", ViewportSize = viewport, BypassCSP = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => failures.Add(error);
        await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/admin").ToString());
        return page;
    }

    public static async Task SignInAsync(IPage page, string token, string name)
    {
        // Focus is asserted after signing in: the page must be the browser's active one (document.hasFocus()).
        await page.BringToFrontAsync();
        await page.FillAsync("#token", token);
        await page.PressAsync("#token", "Enter");
        await Assertions.Expect(page.Locator("#namn")).ToHaveTextAsync(name);
    }

    public static async Task ChooseRoundAsync(IPage page, int year)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Välj omgång {year}", Exact = true });
        if (!await button.IsVisibleAsync())
        {
            await page.ClickAsync("#tidigare summary");
        }

        await button.ClickAsync();
        await Assertions.Expect(page.Locator("#omgang-ar")).ToHaveTextAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#omgang-rubrik")).ToBeFocusedAsync();
    }

    /// <summary>Sends a mutation as a secretary through the API (to set a round up) and fails the test if it is refused.</summary>
    public static async Task AcceptedAsync(KvkTestServer server, string field, string inputType, object input, string token = AnnaToken)
    {
        var response = await server.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ errors {{ ... on Error {{ " +
            "code message } } } }", new { input }, token);
        Assert.True(response["data"]?[field] is JsonObject payload && payload["errors"] is null, $"{field} failed: {response.ToJsonString()}");
    }
}

using Kvk.Graph.Tests.Secretariat.Credentials;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// A key revoked while the page is open: the step is not recorded, the page says so in Swedish, keeps nothing secret, and
/// gives the secretary's text back once they sign in with a new key.
/// </summary>
public sealed class AdminPageCredentialTests
{
    [NeedsFact(Needs.Chromium)]
    public async Task A_revoked_key_is_named_on_the_sign_in_view_and_the_typed_text_returns_with_a_new_key()
    {
        await using var server = await StartServerAsync();
        var name = IssuedCredentials.UniqueName("Cilla");
        var first = await IssuedCredentials.IssueAsync(server, name);
        var round = await Given.AsSecretary(server, AnnaToken).ADecidedRound(Given.Habo, "Hemlig motivering för Habo.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var page = await OpenAsync(browser, server, Phone, failures);
        await SignInAsync(page, first.Token, name);
        await ChooseRoundAsync(page, round.Year);
        await page.FillAsync("#revidera-motivering", "Ny motivering för Habo.");
        await page.FillAsync("#revidera-skal", "Juryn ändrade sig i sista stund.");

        await IssuedCredentials.ChangeAsync(server, first.Id, () => IssuedCredentials.RunAsync(server, "revoke", "--id", first.Id.ToString()));
        await page.ClickAsync("#revidera");

        await Assertions.Expect(page.Locator("#inloggning-meddelande")).ToContainTextAsync("Din inloggning har återkallats");
        await Assertions.Expect(page.Locator("#inloggning-meddelande")).ToBeInViewportAsync();
        var html = await page.EvaluateAsync<string>(
            "() => document.documentElement.outerHTML + [...document.querySelectorAll('input, textarea, select')].map((f) => f.value).join(' ')");
        Assert.DoesNotContain("Hemlig motivering", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Juryn ändrade sig", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ny motivering", html, StringComparison.Ordinal);

        var second = await IssuedCredentials.IssueAsync(server, name);
        await SignInAsync(page, second.Token, name);
        await ChooseRoundAsync(page, round.Year);
        await Assertions.Expect(page.Locator("#revidera-skal")).ToHaveValueAsync("Juryn ändrade sig i sista stund.");
        await Assertions.Expect(page.Locator("#revidera-motivering")).ToHaveValueAsync("Ny motivering för Habo.");
        var history = await server.QueryAsync("query($year: Int!) { round(year: $year) { version } }", new { year = round.Year });
        Assert.Equal(round.Version, history["round"]!["version"]!.GetValue<int>());
        Assert.Empty(await Axe.ViolationsAsync(page));
        Assert.Empty(failures);
    }
}

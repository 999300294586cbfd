using Kvk.Graph.Tests.Secretariat.Credentials;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// Credentials on the page: a key revoked while the page is open (the step is not recorded, the page says so in Swedish,
/// keeps nothing secret, and gives the secretary's text back once they sign in with a new key), and the press's
/// read-only view under embargo, whose reads the secretariat sees.
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

    [NeedsFact(Needs.Chromium)]
    public async Task The_press_reads_the_decision_under_embargo_without_a_step_to_take_and_the_secretariat_sees_the_read()
    {
        await using var server = await StartServerAsync();
        var press = await IssuedCredentials.IssueAsync(server, IssuedCredentials.UniqueName("Redaktion"), "press");
        var round = await Given.AsSecretary(server, AnnaToken).ADecidedRound(Given.Habo, "Embargo gäller för Habo.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var reporter = await OpenAsync(browser, server, Phone, failures);
        await SignInAsync(reporter, press.Token, press.Name);
        await ChooseRoundAsync(reporter, round.Year);

        await Assertions.Expect(reporter.Locator("#beslut-visning")).ToContainTextAsync("Embargo gäller för Habo.");
        await Assertions.Expect(reporter.Locator("#pressvy")).ToBeVisibleAsync();
        Assert.Equal(0, await reporter.Locator(".steg-del:visible, #oppna-del:visible").CountAsync());
        Assert.Empty(await Axe.ViolationsAsync(reporter));

        var secretary = await OpenAsync(browser, server, Desktop, failures);
        await SignInAsync(secretary, AnnaToken, AnnaName);
        await ChooseRoundAsync(secretary, round.Year);
        await Assertions.Expect(secretary.Locator("#lasningar")).ToContainTextAsync($"{press.Name} läste beslutet");
        await Assertions.Expect(secretary.Locator("#pressvy")).ToBeHiddenAsync();
        Assert.Empty(await Axe.ViolationsAsync(secretary));
        Assert.Empty(failures);
    }
}

using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// An open admin page follows its round without a reload (roundChanged over WebSocket), recognises municipalities by
/// their official names, and keeps nothing of the round once the secretary has signed out.
/// </summary>
public sealed class AdminPageLiveTests
{
    [NeedsFact(Needs.Chromium)]
    public async Task Another_secretarys_step_shows_at_once_and_what_is_being_typed_stays()
    {
        await using var server = await StartServerAsync();
        var round = await Given.AsSecretary(server, AnnaToken).ARoundWithNominees(Given.Svedala);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var anna = await OpenAsync(browser, server, Desktop, failures);
        var bo = await OpenAsync(browser, server, Phone, failures);
        await SignInAsync(bo, BoToken, BoName);
        await ChooseRoundAsync(bo, round.Year);
        await SignInAsync(anna, AnnaToken, AnnaName);
        await ChooseRoundAsync(anna, round.Year);
        await anna.FillAsync("#dra-tillbaka-skal", "Svedala avböjde");

        foreach (var (typed, name) in new[] { ("Lunds kommun", "Lund"), ("habo KOMMUN", "Habo"), ("Falu kommun", "Falun") })
        {
            await bo.FillAsync("#kommun", typed);
            await bo.ClickAsync("#nominera");
            await Assertions.Expect(bo.Locator("#nominera-meddelande")).ToHaveTextAsync($"{name} är nominerad.");
            await Assertions.Expect(anna.Locator("#historik")).ToContainTextAsync($"Bo Berg nominerade {name}");
            await Assertions.Expect(anna.Locator("#omgang-live")).ToContainTextAsync($"Bo Berg nominerade {name}");
            await Assertions.Expect(anna.Locator("#nominerade")).ToContainTextAsync(name);
        }

        await Assertions.Expect(anna.Locator("#dra-tillbaka-skal")).ToHaveValueAsync("Svedala avböjde");
        Assert.Empty(await Axe.ViolationsAsync(anna));
        Assert.Empty(failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task After_signing_out_nothing_of_the_secret_decision_is_left_in_the_page()
    {
        await using var server = await StartServerAsync();
        var round = await Given.AsSecretary(server, AnnaToken).ADecidedRound(Given.Habo, "Hemlig motivering för Habo.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var page = await OpenAsync(browser, server, Desktop, failures);
        await SignInAsync(page, AnnaToken, AnnaName);
        await ChooseRoundAsync(page, round.Year);
        await Assertions.Expect(page.Locator("#beslut-visning")).ToContainTextAsync("Hemlig motivering för Habo.");
        await page.FillAsync("#revidera-skal", "Utkast till skäl.");

        await page.ClickAsync("#logga-ut");
        await Assertions.Expect(page.Locator("#inloggning-meddelande")).ToHaveTextAsync("Du är utloggad.");
        var html = await page.EvaluateAsync<string>(
            "() => document.documentElement.outerHTML + [...document.querySelectorAll('input, textarea, select')].map((f) => f.value).join(' ')");
        Assert.DoesNotContain("Hemlig motivering", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Utkast till skäl", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Andersson", html, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#historik li, #nominerade li, #omgangar tbody tr").CountAsync());
        Assert.Empty(failures);
    }
}

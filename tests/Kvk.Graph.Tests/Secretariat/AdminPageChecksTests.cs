using Kvk.Graph.Admin;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// Every rule the API holds a field to is checked by the page before it asks for confirmation: in Swedish, beside the
/// field, never in the browser's own words, and a text over its limit is refused with its length, never cut.
/// </summary>
public sealed class AdminPageChecksTests
{
    [NeedsFact(Needs.Chromium)]
    public async Task Each_rule_is_refused_beside_its_field_before_any_confirmation()
    {
        await using var server = await StartServerAsync();
        var given = Given.AsSecretary(server, AnnaToken);
        var nominating = await given.ARoundWithNominees(Given.Habo, Given.Svedala);
        var decided = await given.ADecidedRound(Given.Habo, "Habo visar vägen.");
        var announced = await given.AnAnnouncedRound(motivation: "Kommunen visar vägen.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var violations = new List<string>();
        var page = await OpenAsync(browser, server, Desktop, failures);
        await SignInAsync(page, AnnaToken, AnnaName);

        await page.FillAsync("#nytt-ar", "2028");
        await page.ClickAsync("#oppna");
        await AdminView.RefusedBesideAsync(page, "nytt-ar", AdminRefusals.InvalidInput["OpenRound"]);

        await ChooseRoundAsync(page, nominating.Year);
        await page.ClickAsync("#nominera");
        await AdminView.RefusedBesideAsync(page, "kommun", "Skriv kommunens namn.");
        await page.FillAsync("#dra-tillbaka-skal", "   ");
        await page.ClickAsync("#dra-tillbaka");
        await AdminView.RefusedBesideAsync(page, "dra-tillbaka-kommun", AdminChecks.Messages["choose"]);
        await AdminView.RefusedBesideAsync(page, "dra-tillbaka-skal", "Skriv ett skäl.");
        await Assertions.Expect(page.Locator("#dra-tillbaka-kommun")).ToBeFocusedAsync();

        // A pasted motivation over the limit stays whole, counted, and is refused with its length.
        var motivation = new string('a', 10_000);
        await page.SelectOptionAsync("#vinnare", Given.Habo);
        await page.FillAsync("#motivering", motivation);
        await Assertions.Expect(page.Locator("#motivering-raknare")).ToHaveTextAsync("10 000 av 4 000 tecken – 6 000 för många");
        await page.ClickAsync("#registrera-beslut");
        await AdminView.RefusedBesideAsync(page, "motivering", "Motiveringen är 10 000 tecken; högst 4 000.");
        Assert.Equal(10_000, (await page.InputValueAsync("#motivering")).Length);
        violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"refused fields: {v}"));

        await ChooseRoundAsync(page, decided.Year);
        foreach (var (written, message) in new[]
        {
            (string.Empty, AdminChecks.Messages["dateRequired"]),
            ($"{DateTime.Now.Year - 1}-11-18T19:00", $"{DateTime.Now.Year - 1}-11-18 kl. 19:00 har redan passerat. Välj en tidpunkt i framtiden eller " +
                "tillkännage nu."),
            ("0099-01-01T19:00", "0099-01-01 kl. 19:00 har redan passerat. Välj en tidpunkt i framtiden eller tillkännage nu."),
            ("275760-01-01T19:00", $"Året 275760 går inte att schemalägga: välj ett år från {DateTime.Now.Year} till 9999."),
        })
        {
            await page.FillAsync("#schema-tid", written);
            await page.ClickAsync("#schemalagg");
            await AdminView.RefusedBesideAsync(page, "schema-tid", message);
        }

        await page.FillAsync("#revidera-skal", "Inget ändrades.");
        await page.ClickAsync("#revidera");
        await AdminView.RefusedBesideAsync(page, "revidera-motivering", AdminRefusals.InvalidInput["ReviseDecision"]);
        await page.FillAsync("#tillkannage-kalla-lank", "kvalitetsmassan");
        await page.ClickAsync("#tillkannage");
        await AdminView.RefusedBesideAsync(page, "tillkannage-kalla", AdminChecks.Messages["urlWithoutTitle"]);
        await AdminView.RefusedBesideAsync(page, "tillkannage-kalla-lank", AdminChecks.Messages["sourceUrl"]);

        await ChooseRoundAsync(page, announced.Year);
        await page.FillAsync("#ratta-skal", " ");
        await page.ClickAsync("#ratta");
        await AdminView.RefusedBesideAsync(page, "ny-motivering", AdminChecks.Messages["unchangedCorrection"]);
        await AdminView.RefusedBesideAsync(page, "ratta-skal", "Skriv ett skäl.");
        violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"refused correction: {v}"));

        // Nothing was recorded: every round is as it was given.
        foreach (var round in new[] { nominating, decided, announced })
        {
            var version = (await server.PostAsync("query($y: Int!) { round(year: $y) { version } }", new { y = round.Year }, AnnaToken))
                ["data"]!["round"]!["version"]!;
            Assert.Equal(round.Version, (int)version);
        }

        Assert.Empty(violations);
        Assert.Empty(failures);
    }
}

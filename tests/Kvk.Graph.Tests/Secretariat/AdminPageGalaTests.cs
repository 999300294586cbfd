using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// The admin page on gala night, in headless Chromium: two secretaries at once, only the steps of the round's stage,
/// and every stage accessible at a desktop and a phone width.
/// </summary>
public sealed class AdminPageGalaTests
{
    private const string Habo = "0643";
    private const string Lund = "1281";
    private const string Umea = "2480";

    private static readonly string[] Steps = [
        "#nominera-del",
        "#dra-tillbaka-del",
        "#stang-del",
        "#beslut-del",
        "#revidera-del",
        "#schema-del",
        "#tillkannage-del",
        "#ratta-del",
    ];

    [NeedsFact(Needs.Chromium)]
    public async Task A_clash_during_a_withdrawal_withdraws_no_other_municipality_and_says_what_changed()
    {
        await using var server = await StartServerAsync();
        var year = RoundYears.Next(server.ConnectionString);
        await AcceptedAsync(server, "openRound", "OpenRoundInput", new { year });
        foreach (var code in new[] { Lund, Umea, Habo })
        {
            await AcceptedAsync(server, "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = code });
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var anna = await OpenAsync(browser, server, Desktop, failures);
        var bo = await OpenAsync(browser, server, Desktop, failures);
        await SignInAsync(anna, AnnaToken, AnnaName);
        await SignInAsync(bo, BoToken, BoName);
        await ChooseRoundAsync(anna, year);
        await ChooseRoundAsync(bo, year);

        await anna.SelectOptionAsync("#dra-tillbaka-kommun", Umea);
        await anna.FillAsync("#dra-tillbaka-skal", "Umeå avböjde.");
        await bo.SelectOptionAsync("#dra-tillbaka-kommun", Lund);
        await bo.FillAsync("#dra-tillbaka-skal", "Lund drog sig ur.");
        await bo.ClickAsync("#dra-tillbaka");
        await bo.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(bo.Locator("#dra-tillbaka-meddelande")).ToHaveTextAsync("Nomineringen av Lund är tillbakadragen.");

        await anna.ClickAsync("#dra-tillbaka");
        await Assertions.Expect(anna.Locator("#bekrafta-rubrik")).ToHaveTextAsync("Dra tillbaka nomineringen av Umeå?");
        await anna.ClickAsync("#bekrafta-ja");

        var message = anna.Locator("#dra-tillbaka-meddelande");
        await Assertions.Expect(message).ToContainTextAsync("Bo Berg drog tillbaka nomineringen av Lund med det offentliga skälet ”Lund drog sig ur.”");
        await Assertions.Expect(message).ToContainTextAsync("den sparades inte");
        await Assertions.Expect(message).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(message).ToBeFocusedAsync();
        await Assertions.Expect(anna.Locator("#dra-tillbaka-kommun")).ToHaveValueAsync(Umea);
        await Assertions.Expect(anna.Locator("#dra-tillbaka-skal")).ToHaveValueAsync("Umeå avböjde.");
        await Assertions.Expect(anna.Locator("#nominerade")).Not.ToContainTextAsync("Lund");
        var afterClash = await WithdrawalsAsync(server, year);
        Assert.Equal([(Lund, "Lund drog sig ur.")], afterClash);

        await anna.ClickAsync("#dra-tillbaka");
        await anna.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(message).ToHaveTextAsync("Nomineringen av Umeå är tillbakadragen.");
        Assert.Equal([(Lund, "Lund drog sig ur."), (Umea, "Umeå avböjde.")], await WithdrawalsAsync(server, year));
        Assert.Empty(failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task Each_stage_offers_only_its_steps_and_passes_axe_at_a_desktop_and_a_phone_width()
    {
        await using var server = await StartServerAsync();
        // A round in each stage, from an open one without nominees to an announced one.
        var years = Enumerable.Range(0, 5).Select(_ => RoundYears.Next(server.ConnectionString)).ToArray();
        for (var stage = 0; stage < years.Length; stage++)
        {
            await RoundInStageAsync(server, years[stage], stage);
        }

        (string Name, int Year, string[] Offered)[] stages =
        [
            ("nominering-tom", years[0], ["#nominera-del"]),
            ("nominering", years[1], ["#nominera-del", "#dra-tillbaka-del", "#stang-del", "#beslut-del"]),
            ("juryn-bedomer", years[2], ["#beslut-del"]),
            ("beslut", years[3], ["#revidera-del", "#schema-del", "#tillkannage-del"]),
            ("tillkannagiven", years[4], ["#ratta-del"]),
        ];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var violations = new List<string>();
        foreach (var (viewport, device) in new[] { (Desktop, "desktop"), (Phone, "telefon") })
        {
            var page = await OpenAsync(browser, server, viewport, failures);
            violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"sign-in at {viewport.Width}px: {v}"));
            await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath($"secretariat-inloggning-{device}.png"), FullPage = true });
            await SignInAsync(page, AnnaToken, AnnaName);
            foreach (var (name, year, offered) in stages)
            {
                await ChooseRoundAsync(page, year);
                foreach (var step in Steps)
                {
                    if (offered.Contains(step))
                    {
                        await Assertions.Expect(page.Locator(step)).ToBeVisibleAsync();
                    }
                    else
                    {
                        await Assertions.Expect(page.Locator(step)).ToBeHiddenAsync();
                    }
                }

                violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{name} at {viewport.Width}px: {v}"));
                await page.ScreenshotAsync(new() { Path = Repository.ScreenshotPath($"secretariat-{name}-{device}.png"), FullPage = true });
            }

            if (viewport == Phone)
            {
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    "The page is wider than a phone's screen.");
                var small = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('button, input, select, summary')]
                      .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
                      .map(e => `${e.id || e.textContent.trim()} is ${e.getBoundingClientRect().height}px tall`)
                    """);
                Assert.Empty(small);
                var zooming = await page.EvaluateAsync<string[]>("""
                    () => [...document.querySelectorAll('input, select, textarea')]
                      .filter(e => parseFloat(getComputedStyle(e).fontSize) < 16)
                      .map(e => e.id)
                    """);
                Assert.Empty(zooming);
            }

            var confirm = page;
            await ChooseRoundAsync(confirm, years[3]);
            await confirm.ClickAsync("#tillkannage");
            await Assertions.Expect(confirm.Locator("#bekrafta")).ToBeVisibleAsync();
            violations.AddRange((await Axe.ViolationsAsync(confirm)).Select(v => $"confirmation at {viewport.Width}px: {v}"));
            await confirm.ScreenshotAsync(new() { Path = Repository.ScreenshotPath($"secretariat-bekrafta-{device}.png") });
            await confirm.ClickAsync("#bekrafta-nej");
            await page.Context.CloseAsync();
        }

        var decided = await server.QueryAsync("query($y: Int!) { round(year: $y) { status } }", new { y = years[3] });
        Assert.Equal("DECIDED", decided["round"]!["status"]!.GetValue<string>());
        Assert.Empty(violations);
        Assert.Empty(failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task The_announcement_is_scheduled_in_swedish_time_after_a_confirmation_and_cancelled()
    {
        await using var server = await StartServerAsync();
        var round = RoundYears.Next(server.ConnectionString);
        await RoundInStageAsync(server, round, 3);
        await AcceptedAsync(server, "cancelScheduledAnnouncement", "CancelScheduledAnnouncementInput", new { year = round });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var page = await OpenAsync(browser, server, Phone, failures);
        await SignInAsync(page, AnnaToken, AnnaName);
        await ChooseRoundAsync(page, round);
        await Assertions.Expect(page.Locator("#schema-status")).ToHaveTextAsync("Inget tillkännagivande är schemalagt.");
        await Assertions.Expect(page.Locator("#avboka")).ToBeHiddenAsync();

        // November is winter time in Sweden: 19.00 there is 18.00 UTC.
        var year = DateTime.UtcNow.Year + 1;
        await page.FillAsync("#schema-tid", $"{year}-11-18T19:00");
        await page.ClickAsync("#schemalagg");
        await Assertions.Expect(page.Locator("#bekrafta-text")).ToContainTextAsync("Då blir vinnaren (Lunds kommun) och motiveringen offentliga automatiskt.");
        await page.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(page.Locator("#schema-meddelande")).ToHaveTextAsync($"Tillkännagivandet är schemalagt till 18 november {year} kl. 19:00.");
        await Assertions.Expect(page.Locator("#schema-meddelande")).ToBeFocusedAsync();
        await AdminView.InViewAsync(page, "#schema-meddelande");
        await Assertions.Expect(page.Locator("#historik")).ToContainTextAsync("Anna Andersson schemalade tillkännagivandet till 18 " +
            $"november {year} kl. 19:00.");
        var scheduled = (await server.QueryAsync(
            "query($y: Int!) { round(year: $y) { scheduledAnnouncementAt decision { recipientName } } }", new { y = round }))["round"]!;
        Assert.Equal(
            new DateTimeOffset(year, 11, 18, 18, 0, 0, TimeSpan.Zero),
            DateTimeOffset.Parse(scheduled["scheduledAnnouncementAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(scheduled["decision"]);

        await page.ClickAsync("#avboka");
        await Assertions.Expect(page.Locator("#schema-meddelande")).ToContainTextAsync("Det schemalagda tillkännagivandet är inställt.");
        var cancelled = await server.QueryAsync("query($y: Int!) { round(year: $y) { scheduledAnnouncementAt } }", new { y = round });
        Assert.Null(cancelled["round"]!["scheduledAnnouncementAt"]);
        Assert.Empty(failures);
    }

    /// <summary>A round taken through the API to a stage: 0 open without nominees, 1 nominating, 2 judging, 3 decided and scheduled, 4 announced.</summary>
    private static async Task RoundInStageAsync(KvkTestServer server, int year, int stage)
    {
        await AcceptedAsync(server, "openRound", "OpenRoundInput", new { year });
        if (stage == 0)
        {
            return;
        }

        foreach (var code in new[] { Habo, Lund, Umea })
        {
            await AcceptedAsync(server, "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = code });
        }

        await AcceptedAsync(
            server,
            "withdrawNomination",
            "WithdrawNominationInput",
            new { year, municipalityCode = Umea, reason = "Kommunen avböjde.", internalNote = "Ring tillbaka efter galan." },
            BoToken);
        if (stage == 1)
        {
            return;
        }

        await AcceptedAsync(server, "closeNominations", "CloseNominationsInput", new { year });
        if (stage == 2)
        {
            return;
        }

        await AcceptedAsync(server, "recordJuryDecision", "RecordJuryDecisionInput", new
        {
            year,
            municipalityCode = Lund,
            motivation = "Lund visar hur ett lärande kvalitetsarbete ger resultat.",
        });
        if (stage == 3)
        {
            await AcceptedAsync(server, "scheduleAnnouncement", "ScheduleAnnouncementInput", new { year, at = DateTimeOffset.UtcNow.AddYears(1) });
            return;
        }

        await AcceptedAsync(server, "announceAward", "AnnounceAwardInput", new { year, announcedAt = DateTimeOffset.UtcNow.AddMinutes(-5) });
    }

    private static async Task<IReadOnlyList<(string Code, string Reason)>> WithdrawalsAsync(KvkTestServer server, int year)
    {
        var history = (await server.PostAsync(
                "query($year: Int!) { round(year: $year) { history { type municipality { code } reason } } }", new { year }, AnnaToken))
            ["data"]!["round"]!["history"]!.AsArray();
        return [.. history.Where(e => e!["type"]!.GetValue<string>() == "nomination_withdrawn").Select(e => (
            e!["municipality"]!["code"]!.GetValue<string>(),
            e["reason"]!.GetValue<string>()))];
    }
}

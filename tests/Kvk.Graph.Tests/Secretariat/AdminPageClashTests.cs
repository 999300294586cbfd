using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// Two secretaries (two browser contexts) and the scheduler act on one round at once: the one whose step is overtaken
/// is told what happened, by whom, in view on a phone and a desktop, with what they wrote kept, and the record ends as
/// the secretaries meant it to.
/// </summary>
public sealed class AdminPageClashTests : IAsyncLifetime
{
    private const string Habo = Given.Habo;
    private const string Lund = "1281";
    private const string Svedala = Given.Svedala;

    private static readonly (ViewportSize Size, string Name)[] Viewports = [(Phone, "phone"), (Desktop, "desktop")];

    private readonly List<string> _failures = [];
    private readonly List<string> _violations = [];
    private KvkTestServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private Given Given => Given.AsSecretary(_server, AnnaToken);

    public async Task InitializeAsync()
    {
        _server = await StartServerAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    [NeedsFact(Needs.Chromium)]
    public async Task A_withdrawal_confirmed_after_the_nominations_closed_is_told_and_its_reason_kept()
    {
        foreach (var (viewport, device) in Viewports)
        {
            var round = await Given.ARoundWithNominees(Habo, Lund, Svedala);
            var (anna, bo) = await TwoSecretariesAsync(viewport, round.Year);

            await anna.SelectOptionAsync("#dra-tillbaka-kommun", Habo);
            await anna.FillAsync("#dra-tillbaka-skal", "Habo avböjde.");
            await anna.ClickAsync("#dra-tillbaka");
            await Assertions.Expect(anna.Locator("#bekrafta")).ToBeVisibleAsync();
            await bo.ClickAsync("#stang");
            await bo.ClickAsync("#bekrafta-ja");
            await Assertions.Expect(bo.Locator("#omgang-meddelande")).ToHaveTextAsync("Nomineringen är stängd.");
            await anna.ClickAsync("#bekrafta-ja");

            var message = await ToldAsync(anna, device, "Bo Berg stängde nomineringen", "Ditt tillbakadragande av Habo registrerades inte.");
            await Assertions.Expect(message).ToContainTextAsync("Omgången ligger nu hos juryn.");
            await Assertions.Expect(message.Locator(".behallen")).ToContainTextAsync(["Habo", "Habo avböjde."]);
            var history = await HistoryAsync(round.Year);
            Assert.DoesNotContain(history, e => (string?)e?["type"] == "nomination_withdrawn");
            Assert.Equal("JUDGING", await StatusAsync(round.Year));
            await anna.Context.CloseAsync();
            await bo.Context.CloseAsync();
        }

        Assert.Empty(_violations);
        Assert.Empty(_failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task A_nomination_begun_when_the_nominations_close_is_told_and_the_name_kept()
    {
        foreach (var (viewport, device) in Viewports)
        {
            var round = await Given.ARoundWithNominees(Habo, Svedala);
            var (anna, bo) = await TwoSecretariesAsync(viewport, round.Year);

            await anna.FillAsync("#kommun", "Lunds kommun");
            await bo.ClickAsync("#stang");
            await bo.ClickAsync("#bekrafta-ja");

            var message = await ToldAsync(anna, device, "Bo Berg stängde nomineringen", "Din nominering av Lunds kommun registrerades inte.");
            await Assertions.Expect(message.Locator(".behallen")).ToHaveTextAsync(["Lunds kommun"]);
            var nominees = (await _server.QueryAsync("query($y: Int!) { round(year: $y) { nominees { municipality { code } } } }", new { y = round.Year }))
                ["round"]!["nominees"]!.AsArray().Select(n => (string)n!["municipality"]!["code"]!);
            Assert.Equal([Habo, Svedala], nominees.Order(StringComparer.Ordinal));
            await anna.Context.CloseAsync();
            await bo.Context.CloseAsync();
        }

        Assert.Empty(_violations);
        Assert.Empty(_failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task A_revision_overtaken_by_the_announcement_becomes_a_confirmed_correction()
    {
        foreach (var (viewport, device) in Viewports)
        {
            var round = await Given.ADecidedRound(Habo, "Habo visar vägen.", Habo, Lund);
            var (anna, bo) = await TwoSecretariesAsync(viewport, round.Year);

            await anna.FillAsync("#revidera-motivering", "Habo visar vägen för hela Sverige.");
            await anna.FillAsync("#revidera-skal", "Juryn skärpte motiveringen.");
            await bo.ClickAsync("#tillkannage");
            await bo.ClickAsync("#bekrafta-ja");

            var message = await ToldAsync(anna, device, "Bo Berg tillkännagav priset till Habo", "Din revision av beslutet registrerades inte.");
            await Assertions.Expect(message.Locator(".behallen")).ToContainTextAsync(["Habo visar vägen för hela Sverige.", "Juryn skärpte motiveringen."]);
            await message.GetByRole(AriaRole.Button, new() { Name = "Rätta den publicerade motiveringen med min text" }).ClickAsync();
            await Assertions.Expect(anna.Locator("#ny-motivering")).ToHaveValueAsync("Habo visar vägen för hela Sverige.");
            await Assertions.Expect(anna.Locator("#ratta-skal")).ToHaveValueAsync("Juryn skärpte motiveringen.");
            await anna.ClickAsync("#ratta");
            await Assertions.Expect(anna.Locator("#bekrafta-text")).ToContainTextAsync("blir offentliga direkt");
            await anna.ClickAsync("#bekrafta-ja");
            await Assertions.Expect(anna.Locator("#ratta-meddelande")).ToContainTextAsync("Motiveringen är rättad");

            var award = (await _server.QueryAsync(
                "query($y: Int!) { award(year: $y) { motivation municipality { code } } }", new { y = round.Year }))["award"]!;
            Assert.Equal("Habo visar vägen för hela Sverige.", (string)award["motivation"]!);
            Assert.Equal(Habo, (string)award["municipality"]!["code"]!);
            await anna.Context.CloseAsync();
            await bo.Context.CloseAsync();
        }

        Assert.Empty(_violations);
        Assert.Empty(_failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task Two_decisions_are_both_shown_and_the_second_secretary_revises_to_theirs()
    {
        foreach (var (viewport, device) in Viewports)
        {
            var round = await Given.AJudgingRound(Habo, Lund);
            var (anna, bo) = await TwoSecretariesAsync(viewport, round.Year);

            await anna.SelectOptionAsync("#vinnare", Lund);
            await anna.FillAsync("#motivering", "Lund visar hur lärande ger resultat.");
            await bo.SelectOptionAsync("#vinnare", Habo);
            await bo.FillAsync("#motivering", "Habo visar vägen.");
            await bo.ClickAsync("#registrera-beslut");
            await Assertions.Expect(bo.Locator("#omgang-meddelande")).ToContainTextAsync("Juryns beslut är registrerat");

            var message = await ToldAsync(anna, device, "Bo Berg registrerade Habo som vinnare", "Ditt beslut (Lund) registrerades inte.");
            await Assertions.Expect(message).ToContainTextAsync("Registrerat beslut: Habo – ”Habo visar vägen.”");
            await Assertions.Expect(message).ToContainTextAsync("Ditt beslut, som inte registrerades: Lund – ”Lund visar hur lärande ger resultat.”");
            await message.GetByRole(AriaRole.Button, new() { Name = "Revidera till mitt beslut" }).ClickAsync();
            await Assertions.Expect(anna.Locator("#revidera-vinnare")).ToHaveValueAsync(Lund);
            await Assertions.Expect(anna.Locator("#revidera-motivering")).ToHaveValueAsync("Lund visar hur lärande ger resultat.");
            await Assertions.Expect(anna.Locator("#revidera-skal")).ToBeFocusedAsync();
            await anna.FillAsync("#revidera-skal", "Juryn valde Lund.");
            await anna.ClickAsync("#revidera");
            await Assertions.Expect(anna.Locator("#revidera-meddelande")).ToContainTextAsync("Beslutet är reviderat");

            var decision = (await _server.PostAsync("query($y: Int!) { round(year: $y) { decision { motivation municipality { code } } } }",
                new { y = round.Year }, AnnaToken))["data"]!["round"]!["decision"]!;
            Assert.Equal(Lund, (string)decision["municipality"]!["code"]!);
            Assert.Equal("Lund visar hur lärande ger resultat.", (string)decision["motivation"]!);
            await anna.Context.CloseAsync();
            await bo.Context.CloseAsync();
        }

        Assert.Empty(_violations);
        Assert.Empty(_failures);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task A_revision_overtaken_by_the_scheduled_announcement_is_told_and_can_be_left()
    {
        foreach (var (viewport, device) in Viewports)
        {
            // The scheduler's own path: a host announces the round at its moment, a few seconds ahead.
            var round = await Given.AScheduledRound(DateTimeOffset.UtcNow.AddSeconds(20), Habo, "Habo visar vägen.", Habo, Lund);
            var (anna, bo) = await TwoSecretariesAsync(viewport, round.Year);
            await bo.Context.CloseAsync();

            await anna.FillAsync("#revidera-motivering", "Habo visar vägen för alla.");
            var message = await ToldAsync(
                anna, device, "schemalagt tillkännagivande tillkännagav priset till Habo", "Din revision av beslutet registrerades inte.");
            await Assertions.Expect(anna.Locator("#historik")).ToContainTextAsync("schemalagt tillkännagivande tillkännagav priset till Habo");
            await message.GetByRole(AriaRole.Button, new() { Name = "Låt den publicerade motiveringen stå" }).ClickAsync();
            await Assertions.Expect(anna.Locator("#omgang-meddelande")).ToContainTextAsync("Den publicerade motiveringen står kvar.");

            var award = (await _server.QueryAsync("query($y: Int!) { award(year: $y) { motivation } }", new { y = round.Year }))["award"]!;
            Assert.Equal("Habo visar vägen.", (string)award["motivation"]!);
            await anna.Context.CloseAsync();
        }

        Assert.Empty(_violations);
        Assert.Empty(_failures);
    }

    private async Task<(IPage Anna, IPage Bo)> TwoSecretariesAsync(ViewportSize viewport, int year)
    {
        var anna = await OpenAsync(_browser, _server, viewport, _failures);
        var bo = await OpenAsync(_browser, _server, viewport, _failures);
        await SignInAsync(bo, BoToken, BoName);
        await ChooseRoundAsync(bo, year);
        await SignInAsync(anna, AnnaToken, AnnaName);
        await ChooseRoundAsync(anna, year);
        return (anna, bo);
    }

    /// <summary>The message at the top of Anna's round, in view and focused, saying what happened and what of hers was not recorded; axe on it.</summary>
    private async Task<ILocator> ToldAsync(IPage page, string device, string happened, string notRecorded)
    {
        var message = page.Locator("#omgang-meddelande");
        await Assertions.Expect(message).ToContainTextAsync(happened, new() { Timeout = 90_000 });
        await Assertions.Expect(message).ToContainTextAsync(notRecorded);
        await Assertions.Expect(message).ToHaveAttributeAsync("role", "alert");
        await AdminView.InViewAsync(page, "#omgang-meddelande");
        _violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{notRecorded} on a {device}: {v}"));
        return message;
    }

    private async Task<string> StatusAsync(int year) =>
        (string)(await _server.QueryAsync("query($y: Int!) { round(year: $y) { status } }", new { y = year }))["round"]!["status"]!;

    private async Task<JsonArray> HistoryAsync(int year) =>
        (await _server.PostAsync("query($y: Int!) { round(year: $y) { history { type } } }", new { y = year }, AnnaToken))
            ["data"]!["round"]!["history"]!.AsArray();
}

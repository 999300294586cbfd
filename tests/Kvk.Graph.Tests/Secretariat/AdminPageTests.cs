using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

public sealed class AdminPageTests
{
    [Fact]
    public async Task The_admin_page_is_served_in_swedish_with_security_headers()
    {
        await using var server = await StartServerAsync();

        using var page = await server.Client.GetAsync("/admin");
        using var script = await server.Client.GetAsync("/admin/admin.js");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"sv\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(page.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    [NeedsFact(Needs.Chromium)]
    public async Task A_secretary_records_a_full_round_in_the_browser_and_the_public_sees_the_award()
    {
        await using var server = await StartServerAsync();
        var year = RoundYears.Next(server.ConnectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var page = await OpenAsync(browser, server, Desktop, failures);

        await page.FillAsync("#token", "fel-nyckel");
        await page.ClickAsync("#logga-in");
        await Assertions.Expect(page.Locator("#inloggning-meddelande")).ToContainTextAsync("Nyckeln är ogiltig");
        await Assertions.Expect(page.Locator("#inloggning-meddelande")).ToHaveAttributeAsync("role", "alert");
        await SignInAsync(page, AnnaToken, AnnaName);
        await Assertions.Expect(page.Locator("#omgangar-rubrik")).ToBeFocusedAsync();

        await page.FillAsync("#nytt-ar", $"{year}");
        await page.ClickAsync("#oppna");
        await Assertions.Expect(page.Locator("#omgang-meddelande")).ToHaveTextAsync($"Omgång {year} är öppnad.");
        await AdminView.InViewAsync(page, "#omgang-meddelande");
        await Assertions.Expect(page.Locator("#omgang-ar")).ToHaveTextAsync($"{year}");
        foreach (var name in new[] { "Habo", "Svedala", "Helsingborg", "Kiruna" })
        {
            await page.FillAsync("#kommun", name);
            await page.ClickAsync("#nominera");
            await Assertions.Expect(page.Locator("#nominera-meddelande")).ToHaveTextAsync($"{name} är nominerad.");
        }

        await page.FillAsync("#kommun", "Harryda");
        await page.ClickAsync("#nominera");
        var nominationMessage = page.Locator("#nominera-meddelande");
        await Assertions.Expect(nominationMessage).ToContainTextAsync("Menade du Härryda?");
        await Assertions.Expect(nominationMessage).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(nominationMessage).ToBeFocusedAsync();
        await nominationMessage.GetByRole(AriaRole.Button, new() { Name = "Härryda" }).ClickAsync();
        await Assertions.Expect(page.Locator("#kommun")).ToHaveValueAsync("Härryda");

        await page.FillAsync("#kommun", "Habo");
        await page.ClickAsync("#nominera");
        await Assertions.Expect(nominationMessage).ToHaveTextAsync("Kommunen är redan nominerad i den här omgången.");
        await Assertions.Expect(nominationMessage).ToBeFocusedAsync();

        await page.SelectOptionAsync("#dra-tillbaka-kommun", new SelectOptionValue { Label = "Kiruna" });
        await page.FillAsync("#dra-tillbaka-skal", "Kommunen avböjde.");
        await page.FillAsync("#dra-tillbaka-anteckning", "Kommunchefen ringde.");
        await page.ClickAsync("#dra-tillbaka");
        await Assertions.Expect(page.Locator("#bekrafta-text")).ToContainTextAsync("Skälet ”Kommunen avböjde.” blir offentligt");
        await page.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(page.Locator("#dra-tillbaka-meddelande")).ToHaveTextAsync("Nomineringen av Kiruna är tillbakadragen.");
        await Assertions.Expect(page.Locator("#historik")).ToContainTextAsync("Anna Andersson drog tillbaka nomineringen av Kiruna med det offentliga " +
            "skälet ”Kommunen avböjde.”");
        await Assertions.Expect(page.Locator("#historik li.intern")).ToContainTextAsync("Kommunchefen ringde.");

        await page.SelectOptionAsync("#vinnare", new SelectOptionValue { Label = "Helsingborg" });
        await page.FillAsync("#mottagare", "Helsingborgs stad");
        await page.FillAsync("#motivering", "Helsingborg visar att ett långsiktigt och lärande kvalitetsarbete ger resultat för invånarna.");
        await page.ClickAsync("#registrera-beslut");

        // The nominations are still open: the decision closes them for good, and says so before.
        await Assertions.Expect(page.Locator("#bekrafta-text")).ToContainTextAsync("Beslutet stänger den för gott");
        await Assertions.Expect(page.Locator("#bekrafta-text")).ToContainTextAsync("Svedala");
        await page.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(page.Locator("#omgang-meddelande")).ToContainTextAsync("Juryns beslut är registrerat");
        await Assertions.Expect(page.Locator("#omgang-meddelande")).ToBeFocusedAsync();

        await Assertions.Expect(page.Locator("#revidera-motivering")).ToHaveValueAsync("Helsingborg visar att ett långsiktigt och lärande kvalitetsarbete " +
            "ger resultat för invånarna.");
        await page.FillAsync("#revidera-motivering", "Helsingborg visar att ett långsiktigt och lärande kvalitetsarbete ger resultat för alla invånare.");
        await page.FillAsync("#revidera-skal", "Juryn justerade sista meningen.");
        await page.ClickAsync("#revidera");
        await Assertions.Expect(page.Locator("#revidera-meddelande")).ToContainTextAsync("Beslutet är reviderat");
        Assert.Null((await server.QueryAsync("query($y: Int!) { round(year: $y) { decision { motivation } } }", new { y = year }))["round"]!["decision"]);

        await page.ClickAsync("#tillkannage");
        await Assertions.Expect(page.Locator("#bekrafta-text")).ToContainTextAsync("Vinnaren (Helsingborgs stad) och motiveringen blir offentliga direkt");
        await page.ClickAsync("#bekrafta-nej");
        await Assertions.Expect(page.Locator("#bekrafta")).ToBeHiddenAsync();
        var decided = await server.QueryAsync("query($y: Int!) { round(year: $y) { status } }", new { y = year });
        Assert.Equal("DECIDED", decided["round"]!["status"]!.GetValue<string>());

        await page.FillAsync("#tillkannage-kalla", $"Helsingborg är Sveriges KvalitetsKommun {year}");
        await page.FillAsync("#tillkannage-kalla-lank", $"https://kvalitetsmassan.se/pressmeddelande-{year}");
        await page.ClickAsync("#tillkannage");
        await page.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(page.Locator("#omgang-meddelande")).ToHaveTextAsync("Priset är tillkännagivet.");
        await Assertions.Expect(page.Locator("#omgang-status")).ToContainTextAsync("Priset är tillkännagivet");
        await Assertions.Expect(page.Locator("#tillkannagiven-tid")).ToContainTextAsync("Tillkännagiven ");
        await Assertions.Expect(page.Locator("#ny-motivering")).ToHaveValueAsync("Helsingborg visar att ett långsiktigt och lärande kvalitetsarbete ger " +
            "resultat för alla invånare.");
        await page.FillAsync("#ny-motivering", "Helsingborg visar att ett långsiktigt, lärande och modigt kvalitetsarbete ger resultat för alla invånare.");
        await page.FillAsync("#ratta-skal", "Ett ord föll bort.");
        await page.ClickAsync("#ratta");
        await Assertions.Expect(page.Locator("#bekrafta-text")).ToContainTextAsync("Den nya motiveringen och skälet ”Ett ord föll bort.” blir offentliga");
        await page.ClickAsync("#bekrafta-ja");
        await Assertions.Expect(page.Locator("#ratta-meddelande")).ToContainTextAsync("Motiveringen är rättad");
        await Assertions.Expect(page.Locator("#beslut-visning blockquote")).ToContainTextAsync("modigt kvalitetsarbete");
        await Assertions.Expect(page.Locator("#historik")).ToContainTextAsync("reviderade beslutet: Helsingborg som vinnare, med skälet ”Juryn " +
            "justerade sista meningen.”");

        var award = (await server.QueryAsync("query($y: Int!) { award(year: $y) { recipientName motivation sources { title url } municipality { name } " +
            "round { nominees { municipality { name } } } } }", new { y = year }))["award"]!;
        Assert.Equal("Helsingborgs stad", award["recipientName"]!.GetValue<string>());
        Assert.Equal("Helsingborg", award["municipality"]!["name"]!.GetValue<string>());
        Assert.Contains("modigt kvalitetsarbete", award["motivation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Habo", "Helsingborg", "Svedala"], award["round"]!["nominees"]!.AsArray().Select(n => n!["municipality"]!["name"]!.GetValue<string>()));
        var source = Assert.Single(award["sources"]!.AsArray())!;
        Assert.Equal($"Helsingborg är Sveriges KvalitetsKommun {year}", source["title"]!.GetValue<string>());
        Assert.Equal($"https://kvalitetsmassan.se/pressmeddelande-{year}", source["url"]!.GetValue<string>());
        Assert.Empty(failures);
    }
}

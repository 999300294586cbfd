using System.Runtime.CompilerServices;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Secretariat;

public sealed class AdminPageTests
{
    private const string Token = "browser-test-token-5d2b";
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Debian's Chromium, offline: Playwright's own browser download cannot work on these machines.</summary>
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private static Task<KvkTestServer> StartAsync() => KvkTestServer.StartAsync(
        null,
        "--Kvk:Secretariat:Tokens:0:Name=Sekreterare Sara",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");

    [Fact]
    public async Task The_admin_page_is_served_in_swedish_with_security_headers()
    {
        await using var server = await StartAsync();

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
        await using var server = await StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { Locale = "sv-SE", ViewportSize = new() { Width = 1100, Height = 1400 } });
        var failures = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                failures.Add($"{message.Text} ({message.Location})");
            }
        };
        var message = page.Locator("#meddelande");
        page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);

        await page.GotoAsync(new Uri(server.Client.BaseAddress!, "/admin").ToString());
        await page.FillAsync("#token", "fel-nyckel");
        await page.ClickAsync("#logga-in");
        await Assertions.Expect(message).ToContainTextAsync("Nyckeln är ogiltig");
        await page.FillAsync("#token", Token);
        await page.ClickAsync("#logga-in");
        await Assertions.Expect(page.Locator("#namn")).ToHaveTextAsync("Sekreterare Sara");

        await page.FillAsync("#nytt-ar", "2027");
        await page.ClickAsync("#oppna");
        await Assertions.Expect(message).ToHaveTextAsync("Omgång 2027 är öppnad.");
        foreach (var name in new[] { "Habo", "Svedala", "Helsingborg" })
        {
            await page.FillAsync("#kommun", name);
            await page.ClickAsync("#nominera");
            await Assertions.Expect(message).ToHaveTextAsync($"{name} är nominerad.");
        }

        await page.FillAsync("#kommun", "Kiruna");
        await page.ClickAsync("#nominera");
        await Assertions.Expect(message).ToHaveTextAsync("Kiruna är nominerad.");
        await page.SelectOptionAsync("#dra-tillbaka-kommun", new SelectOptionValue { Label = "Kiruna" });
        await page.FillAsync("#dra-tillbaka-skal", "Kommunen avböjde.");
        await page.ClickAsync("#dra-tillbaka");
        await Assertions.Expect(message).ToHaveTextAsync("Nomineringen av Kiruna är tillbakadragen.");

        await page.FillAsync("#kommun", "Habo");
        await page.ClickAsync("#nominera");
        await Assertions.Expect(message).ToHaveTextAsync("Kommunen är redan nominerad i den här omgången.");
        await page.ClickAsync("#tillkannage");
        await Assertions.Expect(message).ToHaveTextAsync("Juryns beslut måste registreras innan priset kan tillkännages.");

        await page.SelectOptionAsync("#vinnare", new SelectOptionValue { Label = "Helsingborg" });
        await page.FillAsync("#mottagare", "Helsingborgs stad");
        await page.FillAsync("#motivering", "Helsingborg visar att ett långsiktigt och lärande kvalitetsarbete ger resultat för invånarna.");
        await page.ClickAsync("#registrera-beslut");
        await Assertions.Expect(message).ToContainTextAsync("Juryns beslut är registrerat");
        await page.FillAsync("#tillkannagiven", "2027-11-18T19:00");
        await page.ClickAsync("#tillkannage");
        await Assertions.Expect(message).ToHaveTextAsync("Priset är tillkännagivet.");
        await Assertions.Expect(page.Locator("#omgang-status")).ToContainTextAsync("Tillkännagiven");
        await page.FillAsync("#ny-motivering", "Helsingborg visar att ett långsiktigt, lärande och modigt kvalitetsarbete ger resultat för invånarna.");
        await page.FillAsync("#ratta-skal", "Ett ord föll bort.");
        await page.ClickAsync("#ratta");
        await Assertions.Expect(message).ToContainTextAsync("Motiveringen är rättad");
        await Assertions.Expect(page.Locator("#beslut-visning blockquote")).ToContainTextAsync("modigt kvalitetsarbete");
        await page.ScreenshotAsync(new() { Path = ArtifactPath("admin-round-2027.png"), FullPage = true });

        var award = (await server.QueryAsync("{ award(year: 2027) { recipientName motivation municipality { name } round { nominees { municipality { name } } } } }"))["award"]!;
        Assert.Equal("Helsingborgs stad", award["recipientName"]!.GetValue<string>());
        Assert.Equal("Helsingborg", award["municipality"]!["name"]!.GetValue<string>());
        Assert.Contains("modigt kvalitetsarbete", award["motivation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Habo", "Svedala", "Helsingborg"], award["round"]!["nominees"]!.AsArray().Select(n => n!["municipality"]!["name"]!.GetValue<string>()));
        Assert.Empty(failures);
    }

    /// <summary>Beside this source file, so that a run leaves its screenshot where it can be looked at and committed.</summary>
    private static string ArtifactPath(string file, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "artifacts", file);
}

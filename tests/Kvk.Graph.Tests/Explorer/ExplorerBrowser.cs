using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>The explorer's browser tests drive Debian's Chromium, offline: Playwright's own browser download cannot work on these machines.</summary>
public static class ExplorerBrowser
{
    private const string Chromium = "/usr/bin/chromium";

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

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"The browser tests drive Debian's Chromium at {Chromium}: install it (apt-get install chromium) or run .ci/run.");
        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
    }
}

using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>What a secretary sees of the admin page: a message on the screen, not only somewhere in the document.</summary>
public static class AdminView
{
    /// <summary>Waits until the element is visible with its whole box inside the window (scrolled into view), then checks it has the focus.</summary>
    public static async Task InViewAsync(IPage page, string selector, bool focused = true)
    {
        var locator = page.Locator(selector);
        await Assertions.Expect(locator).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(
            """
            (selector) => {
              const box = document.querySelector(selector).getBoundingClientRect();
              return box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
            }
            """,
            selector,
            new() { Timeout = 15_000 });
        if (focused)
        {
            await Assertions.Expect(locator).ToBeFocusedAsync();
        }
    }

    /// <summary>The field has no message of the browser's own, and the page's message is beside it (named by its aria-describedby).</summary>
    public static async Task RefusedBesideAsync(IPage page, string fieldId, string message)
    {
        var error = page.Locator($"#{fieldId}-fel");
        await Assertions.Expect(error).ToHaveTextAsync(message);
        await Assertions.Expect(page.Locator($"#{fieldId}")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains($"{fieldId}-fel", (await page.Locator($"#{fieldId}").GetAttributeAsync("aria-describedby"))!.Split(' '));
        Assert.Equal(string.Empty, await page.Locator($"#{fieldId}").EvaluateAsync<string>("f => f.validationMessage"));
        await Assertions.Expect(page.Locator("#bekrafta")).ToBeHiddenAsync();
    }
}

using System.Text.Json;
using Microsoft.Playwright;

namespace Kvk.Graph.Tests.Support;

/// <summary>axe-core (installed by the build's <c>npm ci</c> in tests/js) run in a page, for the browser tests of every page Kvk serves.</summary>
public static class Axe
{
    /// <summary>axe-core's WCAG 2.0/2.1 A and AA rules on the page as it stands, one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Script });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              if (results.passes.length === 0) {
                return ['axe checked nothing'];
              }
              return results.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static string Script
    {
        get
        {
            var path = Path.Combine(Repository.Root, "tests", "js", "node_modules", "axe-core", "axe.min.js");
            Assert.True(File.Exists(path), $"axe-core is not installed at {path}: run npm ci --prefix tests/js (or .ci/run).");
            return path;
        }
    }
}

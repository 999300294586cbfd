using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Explorer;
using Kvk.Graph.Tests.Engine.Transport;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>
/// The explorer's pages with the API fuzz test's hostile and random inputs in every slot of their addresses (the
/// year, the municipality code, the search text), in both languages: no 5xx, and every page that asked the API answers
/// as the API did — the API's refusal is the page's 400 with the API's own words, the API's null the page's 404. A
/// plain page is still answered after them.
/// </summary>
public sealed class ExplorerFuzzTests(SeededKvk kvk, ITestOutputHelper output) : IClassFixture<SeededKvk>
{
    private static readonly string[] Languages = ["", "/en"];

    [Fact]
    public async Task Hostile_addresses_get_the_apis_answer_in_the_pages_words_never_a_5xx()
    {
        var random = new Random(20261205);
        var values = new List<string>
        {
            "\u0000", "a\u0000b", new('9', 10_000), "2004", "0000", "0999", "9999", "2023", "0180", "018", "01800", "-180", "1e99", "%",
            "<script>alert(1)</script>",
        };
        values.AddRange(FuzzTests.Hostile);
        for (var i = 0; i < 40; i++)
        {
            values.Add(string.Join(
                random.Next(2) == 0 ? " " : "",
                Enumerable.Range(0, random.Next(1, 40)).Select(_ => FuzzTests.Tokens[random.Next(FuzzTests.Tokens.Length)])));
        }

        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        foreach (var language in Languages)
        {
            foreach (var value in values)
            {
                foreach (var (path, operation) in Pages(language, value))
                {
                    var clock = Stopwatch.StartNew();
                    if (await CheckAsync(path, operation) is { } failure)
                    {
                        failures.Add($"{path[..Math.Min(path.Length, 120)]}: {failure}");
                    }

                    slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                }
            }
        }

        output.WriteLine($"{values.Count * 3 * Languages.Length} pages; the slowest answered in {slowest.TotalMilliseconds:0} ms.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        using var plain = await kvk.Server.Client.GetAsync("/omgang/2023");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    /// <summary>The pages a value can reach, each with the operation the page runs for it (none where the address names no page).</summary>
    private static IEnumerable<(string Path, ExplorerOperation? Operation)> Pages(string language, string value)
    {
        var escaped = Uri.EscapeDataString(value);
        var year = value.Length == 4
            && value.All(char.IsAsciiDigit) ? RoundPage.Operation(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : null;
        var code = value.Length == 4 && value.All(char.IsAsciiDigit) ? MunicipalityPage.Operation(value) : null;
        var text = SearchPage.Text(value);
        yield return ($"{language}/{(language == "" ? "omgang" : "round")}/{escaped}", year);
        yield return ($"{language}/{(language == "" ? "kommun" : "municipality")}/{escaped}", code);
        yield return ($"{language}/{(language == "" ? "sok" : "search")}?q={escaped}", string.IsNullOrEmpty(text) ? null : SearchPage.Operation(text));
    }

    /// <returns>Null when the page answered as the API did; otherwise what was wrong.</returns>
    private async Task<string?> CheckAsync(string path, ExplorerOperation? operation)
    {
        using var response = await kvk.Server.Client.GetAsync(path);
        var status = (int)response.StatusCode;
        var page = await response.Content.ReadAsStringAsync();
        if (status >= 500 || page.Contains("INTERNAL_ERROR", StringComparison.Ordinal))
        {
            return $"HTTP {status}";
        }

        if (status == 414)
        {
            // Kestrel refused an address longer than it reads (8 KiB) before the host's code saw it.
            return null;
        }

        if (operation is null)
        {
            // No page of the explorer: a 404 (or a 400 for a search with nothing to search), the API never asked.
            return status is 404 or 400 ? null : $"HTTP {status} for an address that names no page";
        }

        var api = await AskApiAsync(operation);
        if (api["errors"] is JsonArray { Count: > 0 } errors)
        {
            var missing = errors.Select(e => (string)e!["message"]!).Where(m => !page.Contains(WebUtility.HtmlEncode(m), StringComparison.Ordinal)).ToList();
            return status != 400 ? $"HTTP {status} where the API refused: {errors.ToJsonString()}"
                : missing.Count > 0 ? $"the page does not say the API's words: {string.Join(" | ", missing)}"
                : null;
        }

        var data = api["data"]!.AsObject();
        // The page's subject is the document's first field after the data version every page asks.
        var absent = data.Where(p => p.Key != "meta").Take(1).Any(p => p.Value is null);
        return (absent, status) switch
        {
            (true, 404) or (false, 200) => null,
            _ => $"HTTP {status} where the API answered {api.ToJsonString()[..Math.Min(200, api.ToJsonString().Length)]}",
        };
    }

    /// <summary>The page's operation sent to the API by a client: its document's text and its variables over POST.</summary>
    private async Task<JsonNode> AskApiAsync(ExplorerOperation operation)
    {
        var document = kvk.Server.Services.GetRequiredService<Kvk.Graph.Engine.Pipeline.SurfaceClient>().Document(operation.Document);
        using var response = await kvk.Server.Client.PostAsJsonAsync("/graphql", new { query = document, variables = operation.Variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

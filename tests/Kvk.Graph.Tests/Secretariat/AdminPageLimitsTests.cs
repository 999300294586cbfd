using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Admin;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Microsoft.Playwright;
using static Kvk.Graph.Tests.Secretariat.AdminBrowser;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// Every limit a field of the admin page carries is the one the API holds the same input to: the API takes the limit and
/// refuses one more with INVALID_INPUT, sent as the page sends it (its persisted document, a secretary's token).
/// </summary>
public sealed class AdminPageLimitsTests
{
    /// <summary>A year without a round: a valid text then meets ROUND_NOT_FOUND, an invalid one INVALID_INPUT first.</summary>
    private const int NoRound = 2197;

    private const string Url = "https://kvalitetsmassan.se/";

    private static readonly string InvalidInput = MutationError.CodeOf(RefusalCode.InvalidInput);

    /// <summary>Each limited field: the mutation it is sent with, and that mutation's input around a text of the field.</summary>
    private static readonly Dictionary<string, (string Document, Func<string, object> Input)> TextFields = new(StringComparer.Ordinal)
    {
        ["dra-tillbaka-skal"] = ("WithdrawNomination", t => new { year = NoRound, municipalityCode = "1283", reason = t }),
        ["dra-tillbaka-anteckning"] = ("WithdrawNomination", t => new { year = NoRound, municipalityCode = "1283", reason = "Avböjde.", internalNote = t }),
        ["mottagare"] = ("RecordJuryDecision", t => new { year = NoRound, municipalityCode = "1283", motivation = "Motivering.", recipientName = t }),
        ["motivering"] = ("RecordJuryDecision", t => new { year = NoRound, municipalityCode = "1283", motivation = t }),
        ["revidera-motivering"] = ("ReviseDecision", t => new { year = NoRound, motivation = t, reason = "Skäl." }),
        ["revidera-skal"] = ("ReviseDecision", t => new { year = NoRound, motivation = "Motivering.", reason = t }),
        ["tillkannage-kalla"] = ("AnnounceAward", t => new { year = NoRound, source = new { title = t } }),
        ["tillkannage-kalla-lank"] = ("AnnounceAward", t => new { year = NoRound, source = new { title = "Pressmeddelande", url = Url + t[Url.Length..] } }),
        ["ny-motivering"] = ("CorrectMotivation", t => new { year = NoRound, motivation = t, reason = "Skäl." }),
        ["ratta-skal"] = ("CorrectMotivation", t => new { year = NoRound, motivation = "Motivering.", reason = t }),
    };

    [NeedsFact(Needs.Chromium)]
    public async Task Each_field_carries_the_limit_the_api_enforces()
    {
        await using var server = await StartServerAsync();
        var vocabulary = await AdminVocabularyTests.VocabularyAsync(server);
        var limits = vocabulary["limits"]!.AsObject().ToDictionary(l => l.Key, l => (int)l.Value!, StringComparer.Ordinal);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var failures = new List<string>();
        var page = await OpenAsync(browser, server, Desktop, failures);
        await SignInAsync(page, AnnaToken, AnnaName);

        // The page's markup names its limits and writes no number of its own.
        var html = await server.Client.GetStringAsync(AdminPage.Path);
        Assert.DoesNotMatch(@"\s(maxlength|min|max)=", html);

        var fields = JsonNode.Parse(await page.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('[data-limit]')].map((f) => " +
            "({ id: f.id, name: f.dataset.limit, value: Number(f.dataset.maxLength), cut: f.maxLength })))"))!
            .AsArray().Select(f => new FieldLimit((string)f!["id"]!, (string)f["name"]!, (int)f["value"]!, (int)f["cut"]!)).ToList();
        Assert.Equal(TextFields.Keys.Order(StringComparer.Ordinal), fields.Select(f => f.Id).Order(StringComparer.Ordinal));
        foreach (var field in fields)
        {
            Assert.True(limits.TryGetValue(field.Name, out var limit), $"#{field.Id} names no served limit ({field.Name}).");
            Assert.Equal(limit, field.Value);

            // Counted and refused with its length, never cut by the browser.
            Assert.Equal(-1, field.Cut);
            var (document, input) = TextFields[field.Id];
            Assert.NotEqual(InvalidInput, await CodeAsync(server, vocabulary, document, input(new string('a', limit))));
            Assert.Equal(InvalidInput, await CodeAsync(server, vocabulary, document, input(new string('a', limit + 1))));
        }

        var year = page.Locator("#nytt-ar");
        var (first, last) = (limits[(await year.GetAttributeAsync("data-min"))!], limits[(await year.GetAttributeAsync("data-max"))!]);
        Assert.Equal(first.ToString(System.Globalization.CultureInfo.InvariantCulture), await year.GetAttributeAsync("data-min-value"));
        Assert.Equal(last.ToString(System.Globalization.CultureInfo.InvariantCulture), await year.GetAttributeAsync("data-max-value"));
        Assert.NotEqual(InvalidInput, await CodeAsync(server, vocabulary, "OpenRound", new { year = first }));
        Assert.NotEqual(InvalidInput, await CodeAsync(server, vocabulary, "OpenRound", new { year = last }));
        Assert.Equal(InvalidInput, await CodeAsync(server, vocabulary, "OpenRound", new { year = first - 2 }));
        Assert.Equal(InvalidInput, await CodeAsync(server, vocabulary, "OpenRound", new { year = last + 2 }));
        Assert.Empty(failures);
    }

    /// <summary>The code a recording was refused with, sent by the page's document for it; null when it was recorded.</summary>
    private static async Task<string?> CodeAsync(KvkTestServer server, JsonNode vocabulary, string document, object input)
    {
        var response = await server.PostAsync(null!, new { input }, AnnaToken, (string)vocabulary["documents"]![document]!);
        Assert.True(response["errors"] is null, $"{document}: {response.ToJsonString()}");
        return (string?)response["data"]!["recorded"]!["errors"]?[0]?["code"];
    }

    private sealed record FieldLimit(string Id, string Name, int Value, int Cut);
}

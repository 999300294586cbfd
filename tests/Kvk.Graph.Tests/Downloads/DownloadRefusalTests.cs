using System.Net;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Downloads;

/// <summary>
/// Hostile and mistaken downloads: each is refused with HTTP 400 (404 for no download) and the API's error form,
/// <c>{"errors": [{"message", "extensions": {"code"}}]}</c>, in the API's own words where the API refuses it; none is
/// a 5xx, and a plain download is answered after them. The old addresses redirect.
/// </summary>
public sealed class DownloadRefusalTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"and\":[", depth)) + "{}" + string.Concat(Enumerable.Repeat("]}", depth));

    /// <summary>Refusals of the surface's own: each with the words that must be in it.</summary>
    public static readonly TheoryData<string, int, string> Refusals = new()
    {
        { "/download/awards.csv?columns=round.award.round.award.year", 400, "returns to Award" },
        { "/download/awards.csv?columns=" + string.Concat(Enumerable.Repeat("round.award.", 30)) + "year", 400, "returns to Award" },
        { "/download/municipalities.csv?columns=county.municipalities.name", 400, "returns to Municipality" },
        { "/download/rounds.csv?columns=nominees.round.year", 400, "returns to Round" },
        { "/download/awards.csv?columns=year,year", 400, "given twice" },
        { "/download/awards.csv?columns=ye%00ar", 400, "not a field path" },
        { "/download/awards.csv?columns=year,,title", 400, "not a field path" },
        { "/download/awards.csv?columns=municipality%7Bname%7D", 400, "not a field path" },
        { "/download/nominations.csv?county=12", 400, "Unknown parameter `county`" },
        { "/download/nominations.csv?municipality.county.code=12", 400, "where=" },
        { "/download/nominations.csv?where=%7B%7D&where=%7B%7D", 400, "`where` is given 2 times" },
        { "/download/nominations.csv?columns=year&columns=year", 400, "`columns` is given 2 times" },
        { "/download/nominations.csv?separator=tab", 400, "`separator`" },
        { "/download/nominations.csv?separator=%00", 400, "`separator`" },
        { "/download/nominations.xlsx?separator=semicolon", 400, "`separator` is for .csv" },
        { "/download/nominations.csv?where=%7B", 400, "`where` is not valid JSON" },
        { "/download/nominations.csv?order=%5B", 400, "`order` is not valid JSON" },
        { "/download/nominations.csv?where=" + "%7B%22x%22%3A%22%00%22%7D", 400, "`where` is not valid JSON" },
        { "/download/nominations.csv?wh%00ere=1", 400, "Unknown parameter" },
        {
            "/download/nominations.csv?where=" + "%7B%22municipality%22%3A%7B%22county%22%3A%7B%22code%22%3A%7B%22eq%22%3A%2231%22%7D%7D%7D%7D",
            400,
            "No county has the code `31`"
        },
        {
            "/download/awards.csv?where=" +
                "%7B%22or%22%3A%5B%7B%22municipality%22%3A%7B%22code%22%3A%7B%22in%22%3A%5B%220180%22%2C%229999%22%5D%7D%7D%7D%5D%7D",
            400,
            "No municipality has the code `9999`"
        },
        { "/download/municipalities.csv?where=" + "%7B%22code%22%3A%7B%22eq%22%3A%2200%22%7D%7D", 400, "No municipality has the code `00`" },
        { "/download/awardz.csv", 404, "No download `awardz.csv`" },
        { "/download/awards.json", 404, "No download `awards.json`" },
        { "/download/rounds.csv?columns=nominees.municipality.awards.year", 400, "complex" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_mistaken_download_is_refused_in_the_apis_form_with_words_that_say_why(string path, int status, string words)
    {
        var (actual, errors) = await GetErrorsAsync(path);

        Assert.Equal(status, actual);
        var error = Assert.Single(errors);
        Assert.Contains(words, error!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error["extensions"]?["code"]?.GetValue<string>()));
    }

    /// <summary>What the API refuses in a download's where, order and columns is refused in the API's own words.</summary>
    public static readonly TheoryData<string, string?, string?> ApiRefusals = new()
    {
        { "awards", """{"year":1}""", null },
        { "awards", """{"year":true}""", null },
        { "awards", """[{"year":"UP"}]""", null },
        { "awards", null, """{"recipientName":{"contains":"a\u0000b"}}""" },
        { "awards", null, """{"municipality":{"name":{"eqIgnoreCase":"\u0000"}}}""" },
        { "awards", null, Nested(10) },
        { "awards", null, Nested(20) },
        { "nominations", null, """{"county":{}}""" },
        { "nominations", null, """{"year":{"eq":"twenty"}}""" },
        { "municipalities", null, "{\"or\":[" + string.Join(",", Enumerable.Repeat("{\"awards\":{\"any\":true}}", 150)) + "]}" },
        { "rounds", null, """{"status":{"eq":"Judging"}}""" },
    };

    [Theory]
    [MemberData(nameof(ApiRefusals))]
    public async Task A_where_or_order_the_api_refuses_is_refused_with_the_apis_errors(string list, string? order, string? where)
    {
        var document = JsonNode.Parse(await kvk.Server.Client.GetStringAsync("/download/"))!["downloads"]!.AsArray()
            .Single(d => d!["path"]!.GetValue<string>() == $"/download/{list}.csv")!["document"]!.GetValue<string>();
        var (_, _, apiErrors) = await DownloadFiles.ApiAsync(
            kvk.Server,
            list,
            document,
            where is null ? null : JsonNode.Parse(where),
            order is null ? null : JsonNode.Parse(order));
        var path = $"/download/{list}.csv?" + string.Join(
            '&',
            new[] { ("where", where), ("order", order) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Q(p.Item2!)}"));

        var (status, errors) = await GetErrorsAsync(path);

        Assert.Equal(400, status);
        Assert.NotNull(apiErrors);
        Assert.Equal(
            apiErrors!.AsArray().Select(e => (e!["message"]!.GetValue<string>(), e["extensions"]?["code"]?.GetValue<string>())),
            errors.Select(e => (e!["message"]!.GetValue<string>(), e["extensions"]?["code"]?.GetValue<string>())));
    }

    [Fact]
    public async Task An_unknown_column_gets_the_apis_validation_error()
    {
        var api = await kvk.Server.PostAsync("{ awards(first: 1) { nodes { nosuch } } }");
        var (status, errors) = await GetErrorsAsync("/download/awards.csv?columns=year,nosuch");

        Assert.Equal(400, status);
        Assert.Equal(api["errors"]![0]!["message"]!.GetValue<string>(), errors.Single()!["message"]!.GetValue<string>());
        Assert.Equal(api["errors"]![0]!["extensions"]!["code"]!.GetValue<string>(), errors.Single()!["extensions"]!["code"]!.GetValue<string>());
    }

    private static readonly string[] Tokens = [
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "and",
        "or",
        "year",
        "eq",
        "in",
        "some",
        "null",
        "true",
        "1e999",
        "-0",
        "\\u0000",
        "å",
        "\u0000",
        "#",
        "\n",
        "round",
        "award",
        "municipality",
        ".",
        "county",
        "code",
        "\"12\"",
        "ASC",
        "DESC",
    ];

    [Fact]
    public async Task Hostile_downloads_never_answer_5xx_and_a_plain_download_is_answered_after()
    {
        var random = new Random(20261205);
        var paths = new List<string>
        {
            "/download/awards.csv?where=" + Q(Nested(64)),
            "/download/awards.csv?where=" + Q(Nested(300)),
            "/download/awards.csv?order=" + Q(Nested(64)),
            "/download/awards.csv?columns=" + Q(string.Join('.', Enumerable.Repeat("round.award", 400)) + ".year"),
            "/download/awards.csv?columns=" + Q(string.Join(',', Enumerable.Range(0, 600).Select(i => "year"))),
            "/download/awards.csv?columns=" + Q(string.Join(',', Enumerable.Range(0, 300).Select(i => $"f{i}"))),
            "/download/rounds.csv?columns=" + Q(
                "nominees.municipality.county.code,notes.sources.title,sources.title,history.summary,award.municipality.county.name,decision.motivation"),
            "/download/awards.csv?where=" + Q("""{"recipientName":{"contains":"\u0000"}}"""),
            "/download/awards.csv?order=" + Q("""{"year":1}"""),
            "/download/awards.csv?order=" + Q("""{"year":true}"""),
            "/download/awards.csv?order=" + Q("""[{"round":{"award":{"round":{"award":{"year":"ASC"}}}}}]"""),
            "/download/awards.csv?where=" + Q(new string('9', 5000)),
            "/download/awards.csv?where=" + Q("{\"year\":{\"in\":[" + string.Join(',', Enumerable.Range(0, 1000)) + "]}}"),
            "/download/%00.csv",
            "/download/awards.csv?%00=%00",
            "/download/awards.xlsx?columns=%00&where=%00&order=%00&separator=%00",
        };
        foreach (var name in new[] { "columns", "where", "order", "separator" })
        {
            paths.Add($"/download/awards.csv?{name}=%00");
            paths.Add($"/download/awards.csv?{name}=a%00b");
        }

        for (var i = 0; i < 120; i++)
        {
            var text = string.Join(random.Next(2) == 0 ? " " : "", Enumerable.Range(0, random.Next(1, 60)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            var parameter = new[] { "columns", "where", "order", "separator" }[random.Next(4)];
            var list = new[] { "awards", "rounds", "nominations", "municipalities" }[random.Next(4)];
            paths.Add($"/download/{list}.{(random.Next(2) == 0 ? "csv" : "xlsx")}?{parameter}={Q(text)}");
        }

        var failures = new List<string>();
        foreach (var path in paths)
        {
            using var response = await kvk.Server.Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500 || body.Contains("INTERNAL_ERROR", StringComparison.Ordinal))
            {
                failures.Add($"{(int)response.StatusCode} {path[..Math.Min(path.Length, 200)]}: {body[..Math.Min(body.Length, 300)]}");
            }
            else if (response.StatusCode != HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var errors = JsonNode.Parse(body)!["errors"]!.AsArray();
                if (errors.Count == 0 || errors.Any(e => string.IsNullOrEmpty(e!["message"]?.GetValue<string>())))
                {
                    failures.Add($"{(int)response.StatusCode} {path[..Math.Min(path.Length, 200)]}: no error message: {body}");
                }
            }
            else if (response.StatusCode != HttpStatusCode.OK && response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong))
            {
                // Kestrel's own refusals (a NUL in the path, a URL over 8 KiB) come without a body; anything else is the surface's.
                failures.Add($"{(int)response.StatusCode} {path[..Math.Min(path.Length, 200)]}: {body}");
            }
        }

        Assert.Empty(failures);
        using var plain = await kvk.Server.Client.GetAsync("/download/awards.csv");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(12, DownloadFiles.Parse(await plain.Content.ReadAsByteArrayAsync()).Count);
    }

    [Theory]
    [InlineData("/export/awards.csv", "/download/awards.csv")]
    [InlineData("/export/municipalities.csv", "/download/municipalities.csv")]
    [InlineData("/export/", "/download/")]
    [InlineData("/spreadsheet/rounds.xlsx", "/download/rounds.xlsx")]
    [InlineData("/spreadsheet/nominations.csv?separator=semicolon&columns=year,municipality.code",
        "/download/nominations.csv?separator=semicolon&columns=year%2Cmunicipality.code")]
    [InlineData(
        "/spreadsheet/nominations.csv?municipality.county.code=12",
        "/download/nominations.csv?where=%7B%22municipality%22%3A%7B%22county%22%3A%7B%22code%22%3A%7B%22eq%22%3A%2212%22%7D%7D%7D%7D")]
    [InlineData(
        "/spreadsheet/awards.csv?year=2023&where=%7B%7D",
        "/download/awards.csv?where=%7B%22and%22%3A%5B%7B%7D%2C%7B%22year%22%3A%7B%22eq%22%3A2023%7D%7D%5D%7D")]
    public async Task The_old_addresses_redirect_permanently_to_the_download(string old, string location)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = kvk.Server.Client.BaseAddress };
        using var response = await client.GetAsync(old);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_old_skane_spreadsheet_address_gives_the_skane_nominations()
    {
        var skane = SeedDocument.Nominees()
            .Where(n => n.Code.StartsWith("12", StringComparison.Ordinal))
            .Select(n => $"{n.Year} {n.Code}")
            .Order(StringComparer.Ordinal);
        var rows = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync("/spreadsheet/nominations.csv?municipality.county.code=12"));

        Assert.Equal(skane, rows.Skip(1).Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/spreadsheet/nominations.csv?county=12", "Unknown parameter `county`")]
    [InlineData("/spreadsheet/nominations.csv?municipality.county.code=12&municipality.county.code=13", "given 2 times")]
    [InlineData("/spreadsheet/nominations.csv?year=2023&where=%7B", "`where` is not valid JSON")]
    public async Task An_old_address_that_cannot_be_translated_is_a_400_that_names_the_new_form(string old, string words)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = kvk.Server.Client.BaseAddress };
        using var response = await client.GetAsync(old);
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["message"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(words, message, StringComparison.Ordinal);
        Assert.Contains("/download/nominations.csv", message, StringComparison.Ordinal);
    }

    private async Task<(int Status, JsonArray Errors)> GetErrorsAsync(string path)
    {
        using var response = await kvk.Server.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, JsonNode.Parse(body)!["errors"]!.AsArray());
    }
}

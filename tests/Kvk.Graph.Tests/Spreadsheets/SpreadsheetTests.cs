using System.Net;
using System.Text;
using Kvk.Graph.Tests.Support;
using MiniExcelLibs;

namespace Kvk.Graph.Tests.Spreadsheets;

/// <summary>Any list as a spreadsheet, with the list's own filters: the Skåne nominations, checked against the seed documents.</summary>
[Collection(SeededHistory.Name)]
public sealed class SpreadsheetTests(SeededKvk kvk)
{
    private static readonly string[] SkaneNominations =
        [.. SeedDocument.Nominees().Where(n => n.Code.StartsWith("12", StringComparison.Ordinal)).Select(n => $"{n.Year} {n.Code}").Order(StringComparer.Ordinal)];

    private static List<string[]> Csv(string text, char separator) =>
        [.. text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l[1..^1].Split($"\"{separator}\""))];

    [Fact]
    public async Task The_skane_nominations_download_as_csv_with_county_names_beside_codes()
    {
        using var response = await kvk.Server.Client.GetAsync("/spreadsheet/nominations.csv?municipality.county.code=12");
        var lines = Csv(await response.Content.ReadAsStringAsync(), ',');
        var header = lines[0];
        int Column(string name) => Array.IndexOf(header, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SkaneNominations, lines.Skip(1).Select(l => $"{l[Column("year")]} {l[Column("municipality.code")]}").Order(StringComparer.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Equal(("12", "Skåne län"), (l[Column("municipality.county.code")], l[Column("municipality.county.name")])));
    }

    [Fact]
    public async Task The_semicolon_variant_has_the_same_rows_for_excel_in_swedish()
    {
        var comma = Csv(await kvk.Server.Client.GetStringAsync("/spreadsheet/nominations.csv?municipality.county.code=12"), ',');
        var semicolon = Csv(await kvk.Server.Client.GetStringAsync("/spreadsheet/nominations.csv?municipality.county.code=12&separator=semicolon"), ';');

        Assert.Equal(comma, semicolon);
    }

    [Fact]
    public async Task The_skane_nominations_download_as_xlsx_that_a_reader_opens_with_codes_as_text()
    {
        var bytes = await kvk.Server.Client.GetByteArrayAsync("/spreadsheet/nominations.xlsx?where=" + Uri.EscapeDataString("""{ "municipality": { "county": { "shortName": { "eqIgnoreCase": "skåne" } } } }"""));
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(SkaneNominations, rows.Select(r => $"{r["year"]} {r["municipality.code"]}").Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.IsType<string>(r["municipality.code"]));
        Assert.All(rows, r => Assert.Equal("Skåne län", r["municipality.county.name"]));
    }

    [Fact]
    public async Task A_code_with_a_leading_zero_stays_text_in_xlsx()
    {
        var bytes = await kvk.Server.Client.GetByteArrayAsync("/spreadsheet/municipalities.xlsx?code=0180&columns=code,name,county.name");
        using var stream = new MemoryStream(bytes);
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());

        Assert.Equal(["code", "name", "county.name"], row.Keys);
        Assert.Equal("0180", row["code"]);
        Assert.Equal("Stockholms län", row["county.name"]);
    }

    [Fact]
    public async Task Where_and_order_are_the_lists_own()
    {
        var where = Uri.EscapeDataString("""{ "isWinner": { "eq": true } }""");
        var order = Uri.EscapeDataString("""[{ "year": "ASC" }]""");
        var lines = Csv(await kvk.Server.Client.GetStringAsync($"/spreadsheet/nominations.csv?where={where}&order={order}&columns=year,municipality.code"), ',');

        Assert.Equal(["year", "municipality.code"], lines[0]);
        Assert.Equal(
            SeedDocument.Nominees().Where(n => n.Role == "winner").OrderBy(n => n.Year).Select(n => $"{n.Year} {n.Code}"),
            lines.Skip(1).Select(l => $"{l[0]} {l[1]}"));
    }

    [Theory]
    [InlineData("/spreadsheet/nominations.csv?county=12", "`county`")]
    [InlineData("/spreadsheet/nominations.csv?columns=year,county", "`county`")]
    [InlineData("/spreadsheet/nominations.csv?where=%7B%22county%22%3A%7B%7D%7D", "`county`")]
    [InlineData("/spreadsheet/nominations.csv?year=twenty", "`year`")]
    [InlineData("/spreadsheet/nominations.csv?where=%7B", "")]
    [InlineData("/spreadsheet/nominations.csv?separator=tab", "`separator`")]
    public async Task A_parameter_the_list_does_not_have_is_a_400_that_names_it(string path, string named)
    {
        using var response = await kvk.Server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fixed_download_refuses_a_filter_it_would_ignore_and_names_the_filtered_one()
    {
        using var response = await kvk.Server.Client.GetAsync("/export/nominations.csv?county=12");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("`county`", text, StringComparison.Ordinal);
        Assert.Contains("/spreadsheet/nominations.csv", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_list_downloads()
    {
        foreach (var list in new[] { "awards", "rounds", "nominations", "municipalities" })
        {
            using var response = await kvk.Server.Client.GetAsync($"/spreadsheet/{list}.csv");
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{list}: {response.StatusCode} {text}");
        }
    }
}

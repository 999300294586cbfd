using System.Text;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Exports;

[Collection(SeededHistory.Name)]
public sealed class CsvExportTests(SeededKvk kvk)
{
    [Fact]
    public async Task Awards_download_as_utf8_csv_with_a_byte_order_mark_and_codes_as_text()
    {
        using var response = await kvk.Server.Client.GetAsync("/export/awards.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("\"year\",\"title\",\"recipient_name\",\"municipality_code\",\"municipality_name\",\"county_code\",\"county_name\",\"announced_at\",\"motivation\",\"announced_on\",\"sources\"", lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.StartsWith("\"2009\",\"Sveriges KvalitetsKommun 2009\",\"Stockholms stad\",\"0180\",\"Stockholm\",\"01\",\"Stockholms län\",\"\",\"Stockholm belönas", lines[4], StringComparison.Ordinal);
        Assert.Contains("informationskanalen ””Äldre direkt”” och en väl fungerande valfrihet inom äldreomsorgen, som goda exempel på kvalitetsutveckling i kommunal verksamhet.\",\"2009\",\"Vinnare av Sveriges KvalitetsKommun".Replace("””", "”", StringComparison.Ordinal), lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nominations_download_with_one_row_per_nomination()
    {
        var text = Encoding.UTF8.GetString((await kvk.Server.Client.GetByteArrayAsync("/export/nominations.csv"))[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(SeedDocument.Nominees().Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("\"2025\",\"0840\",\"Mörbylånga\",\"08\",", StringComparison.Ordinal) && l.Contains(",\"\",\"\",\"false\",\"nominated ", StringComparison.Ordinal));
        Assert.EndsWith("\"history\",\"sources\"", lines[0], StringComparison.Ordinal);
    }
}

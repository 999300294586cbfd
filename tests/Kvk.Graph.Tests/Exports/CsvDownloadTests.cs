using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace Kvk.Graph.Tests.Exports;

/// <summary>The four downloads and their index over HTTP, as a spreadsheet user and a data portal fetch them.</summary>
[Collection(SeededHistory.Name)]
public sealed class CsvDownloadTests(SeededKvk kvk)
{
    public static readonly TheoryData<string, int> Downloads = new()
    {
        { "/export/awards.csv", 11 },
        { "/export/nominations.csv", 48 },
        { "/export/rounds.csv", 12 },
        { "/export/municipalities.csv", 290 },
    };

    /// <summary>The rows of a download, read by .NET's own RFC 4180 reader, header first.</summary>
    public static List<string[]> Parse(byte[] bytes)
    {
        using var parser = new TextFieldParser(new StringReader(Encoding.UTF8.GetString(bytes[3..]))) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Downloads))]
    public async Task Every_download_parses_with_a_standard_csv_reader_with_as_many_fields_in_every_row(string path, int rows)
    {
        var parsed = Parse(await kvk.Server.Client.GetByteArrayAsync(path));

        Assert.Equal(rows + 1, parsed.Count);
        Assert.All(parsed, r => Assert.Equal(parsed[0].Length, r.Length));
        if (parsed[0].Contains("sources"))
        {
            var sources = Array.IndexOf(parsed[0], "sources");
            Assert.All(parsed.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[sources]), $"{path}: a row without sources: {string.Join(',', r)}"));
        }
    }

    [Fact]
    public async Task Rounds_download_says_what_is_known_of_each_list_and_municipalities_count_their_nominations_and_awards()
    {
        var rounds = Parse(await kvk.Server.Client.GetByteArrayAsync("/export/rounds.csv"));
        var municipalities = Parse(await kvk.Server.Client.GetByteArrayAsync("/export/municipalities.csv"));

        var known = Array.IndexOf(rounds[0], "nominees_known");
        Assert.Equal(["2007", "2009", "2013"], rounds.Skip(1).Where(r => r[known] == "WINNER_ONLY").Select(r => r[0]).Order());
        var round2017 = rounds.Single(r => r[0] == "2017");
        Assert.Contains("kvalitetsprissverigeskvalitetskommun", round2017[Array.IndexOf(rounds[0], "sources")], StringComparison.Ordinal);
        Assert.Equal(["2017", "YEAR"], [round2017[Array.IndexOf(rounds[0], "announced_on")], round2017[Array.IndexOf(rounds[0], "announced_on_precision")]]);
        Assert.Equal(["municipality_code", "municipality_name", "official_name", "county_code", "county_name", "nominations", "awards", "wikidata_id", "kolada_url", "population", "population_date", "municipality_group_skr"], municipalities[0]);
        var falun = municipalities.Single(m => m[0] == "2080");
        Assert.Equal(["Falun", "Falu kommun", "20", "Dalarnas län"], falun[1..5]);
        var nacka = municipalities.Single(m => m[0] == "0182");
        Assert.Equal(["3", "1"], nacka[5..7]);
        Assert.Equal("2018-12-31", nacka[10]);
        Assert.Equal(SeedDocument.Nominees().Count, municipalities.Skip(1).Sum(m => int.Parse(m[5], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(11, municipalities.Skip(1).Sum(m => int.Parse(m[6], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_repeated_download_with_its_etag_is_answered_304_and_the_file_is_named_with_the_data_version()
    {
        var meta = (await kvk.Server.QueryAsync("{ meta { dataVersion lastRecordedAt eventCount licence sources { title } } }"))["meta"]!;
        using var first = await kvk.Server.Client.GetAsync("/export/rounds.csv");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/export/rounds.csv");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await kvk.Server.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal($"kvk-rounds-{meta["dataVersion"]!.GetValue<string>()}.csv", first.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(DateTimeOffset.Parse(meta["lastRecordedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), first.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_export_index_gives_the_same_figures_as_meta_and_names_every_download()
    {
        var meta = (await kvk.Server.QueryAsync("{ meta { dataVersion lastRecordedAt eventCount licence sources { title } } }"))["meta"]!;
        var index = JsonNode.Parse(await kvk.Server.Client.GetStringAsync("/export/"))!;

        Assert.Equal(meta["dataVersion"]!.GetValue<string>(), index["dataVersion"]!.GetValue<string>());
        Assert.Equal(meta["eventCount"]!.GetValue<int>(), index["eventCount"]!.GetValue<int>());
        Assert.True(meta["eventCount"]!.GetValue<int>() > 100);
        Assert.Equal(DateTimeOffset.Parse(meta["lastRecordedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), index["lastRecordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(meta["licence"]!.GetValue<string>(), index["licence"]!.GetValue<string>());
        Assert.Contains("CC0", meta["licence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Kvalitetsmässan", meta["licence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["/export/awards.csv", "/export/nominations.csv", "/export/rounds.csv", "/export/municipalities.csv"], index["downloads"]!.AsArray().Select(d => d!["path"]!.GetValue<string>()));
        Assert.NotEmpty(meta["sources"]!.AsArray());
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Kvk.Graph.Downloads;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Downloads;

/// <summary>Every list as CSV and xlsx at /download/, cell by cell the API's answer to the same operation over POST /graphql.</summary>
public sealed class DownloadTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    /// <summary>The default columns of each list: its persisted document's fields, by path.</summary>
    public static readonly TheoryData<string, string, int> Lists = new()
    {
        {
            "awards",
            "year,title,recipientName,municipality.code,municipality.name,municipality.county.code,municipality.county.name," +
                "announcedAt,announcedOn.date,announcedOn.precision,motivation,recordedAt,sources",
            11
        },
        {
            "nominations",
            "year,municipality.code,municipality.name,municipality.county.code,municipality.county.name," +
                "nominatedAt,withdrawnAt,withdrawalReason,isWinner,history,sources",
            48
        },
        {
            "rounds",
            "year,title,status,nomineesKnown,nominees,award.recipientName,award.municipality.code,award.municipality.name," +
                "announcedOn.date,announcedOn.precision,recordedAt,notes,sources",
            12
        },
        {
            "municipalities",
            "code,name,officialName,county.code,county.name,nominations,awards,wikidataId,koladaUrl,population.count,population.date,municipalityGroup",
            290
        },
    };

    private static readonly string[] SkaneNominations =
    [
        .. SeedDocument.Nominees()
            .Where(n => n.Code.StartsWith("12", StringComparison.Ordinal))
            .Select(n => $"{n.Year} {n.Code}")
            .Order(StringComparer.Ordinal),
    ];

    private async Task<string> DocumentAsync(string list) =>
        JsonNode.Parse(await kvk.Server.Client.GetStringAsync("/download/"))!["downloads"]!.AsArray()
            .Single(d => d!["path"]!.GetValue<string>() == $"/download/{list}.csv")!["document"]!.GetValue<string>();

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_as_csv_is_the_apis_answer_to_its_document_cell_by_cell(string list, string columns, int count)
    {
        var (version, api, _) = await DownloadFiles.ApiAsync(kvk.Server, list, await DocumentAsync(list));
        using var response = await kvk.Server.Client.GetAsync($"/download/{list}.csv");
        var rows = DownloadFiles.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"kvk-{list}-{version}.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(columns.Split(','), rows[0]);
        Assert.Equal(count, rows.Count - 1);
        Assert.Equal(api.Count, rows.Count - 1);
        for (var i = 0; i < api.Count; i++)
        {
            Assert.Equal(rows[0].Select(c => CsvWriter.Neutralised(DownloadFiles.Text(api[i][0], c))), rows[i + 1]);
        }

        if (rows[0].Contains("sources"))
        {
            var sources = Array.IndexOf(rows[0], "sources");
            Assert.All(rows.Skip(1), r => Assert.False(string.IsNullOrWhiteSpace(r[sources]), $"{list}: a row without sources: {string.Join(',', r)}"));
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_as_xlsx_is_the_apis_answer_with_numbers_as_numbers_and_codes_as_text(string list, string columns, int count)
    {
        var (version, api, _) = await DownloadFiles.ApiAsync(kvk.Server, list, await DocumentAsync(list));
        using var response = await kvk.Server.Client.GetAsync($"/download/{list}.xlsx");
        var (header, rows) = DownloadFiles.Xlsx(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal($"kvk-{list}-{version}.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(columns.Split(','), header);
        Assert.Equal(count, rows.Count);
        for (var i = 0; i < api.Count; i++)
        {
            Assert.Equal(header.Select(c => DownloadFiles.Typed(api[i][0], c) is "" ? null : DownloadFiles.Typed(api[i][0], c)), rows[i]);
        }

        var code = Array.FindIndex(header, c => c.EndsWith("code", StringComparison.Ordinal));
        Assert.All(rows.Where(r => r[code] is not null), r => Assert.IsType<string>(r[code]));
    }

    [Fact]
    public async Task Columns_where_and_order_are_the_lists_own_and_the_cells_the_apis()
    {
        var where = JsonNode.Parse("""{ "municipality": { "county": { "code": { "eq": "12" } } } }""");
        var order = JsonNode.Parse("""[{ "year": "DESC" }, { "municipality": { "name": "ASC" } }]""");
        const string columns = "year,municipality.code,municipality.county.name,round.status,round.nomineesKnown,sources.title,history.change,isWinner";
        const string document = """
            query($after: String, $where: NominationFilterInput, $order: [NominationSortInput!]) {
              meta { dataVersion lastRecordedAt }
              nominations(first: 100, after: $after, where: $where, order: $order) {
                pageInfo { hasNextPage endCursor }
                nodes { year municipality { code county { name } } round { status nomineesKnown } sources { title } history { change } isWinner }
              }
            }
            """;
        var (_, api, _) = await DownloadFiles.ApiAsync(kvk.Server, "nominations", document, where, order);
        var query = $"columns={columns}&where={Uri.EscapeDataString(where!.ToJsonString())}&order={Uri.EscapeDataString(order!.ToJsonString())}";

        var comma = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync($"/download/nominations.csv?{query}"));
        var semicolon = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync($"/download/nominations.csv?{query}&separator=semicolon"), ';');

        Assert.Equal(columns.Split(','), comma[0]);
        Assert.Equal(api.Select(n => columns.Split(',').Select(c => DownloadFiles.Text(n[0], c))), comma.Skip(1));
        Assert.Equal(SkaneNominations, comma.Skip(1).Select(l => $"{l[0]} {l[1]}").Order(StringComparer.Ordinal));
        Assert.All(comma.Skip(1), l => Assert.Equal("Skåne län", l[2]));
        Assert.Contains(comma.Skip(1), l => l[3] == "ANNOUNCED" && l[4] == "FULL_LIST");
        Assert.Equal(comma, semicolon);
        Assert.Equal(
            comma.Skip(1).Select(l => int.Parse(l[0], CultureInfo.InvariantCulture)).OrderDescending(),
            comma.Skip(1).Select(l => int.Parse(l[0], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_code_with_a_leading_zero_stays_text_in_xlsx()
    {
        var where = Uri.EscapeDataString("""{ "code": { "eq": "0180" } }""");
        var (header, rows) = DownloadFiles.Xlsx(
            await kvk.Server.Client.GetByteArrayAsync($"/download/municipalities.xlsx?columns=code,name,county.name,population.count&where={where}"));

        Assert.Equal(["code", "name", "county.name", "population.count"], header);
        var row = Assert.Single(rows);
        Assert.Equal("0180", row[0]);
        Assert.Equal("Stockholms län", row[2]);
        Assert.IsType<double>(row[3]);
    }

    [Fact]
    public async Task The_record_as_the_old_downloads_gave_it_is_in_the_new_ones()
    {
        var rounds = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync("/download/rounds.csv"));
        var municipalities = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync("/download/municipalities.csv"));
        var awards = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync("/download/awards.csv"));
        var nominations = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync("/download/nominations.csv"));
        int Column(List<string[]> rows, string name) => Array.IndexOf(rows[0], name);

        Assert.Equal(["2007", "2009", "2013"], rounds.Skip(1).Where(r => r[Column(rounds, "nomineesKnown")] == "WINNER_ONLY").Select(r => r[0]).Order());
        var round2017 = rounds.Single(r => r[0] == "2017");
        Assert.Contains("kvalitetsprissverigeskvalitetskommun", round2017[Column(rounds, "sources")], StringComparison.Ordinal);
        Assert.Equal(["2017", "YEAR"], [round2017[Column(rounds, "announcedOn.date")], round2017[Column(rounds, "announcedOn.precision")]]);
        Assert.Equal("JUDGING", rounds.Single(r => r[0] == "2025")[Column(rounds, "status")]);

        var falun = municipalities.Single(m => m[0] == "2080");
        Assert.Equal(["Falun", "Falu kommun", "20", "Dalarnas län"], falun[1..5]);
        var nacka = municipalities.Single(m => m[0] == "0182");
        Assert.Equal([3, 1], new[] { "nominations", "awards" }.Select(c => nacka[Column(municipalities, c)].Split("; ").Length));
        Assert.Equal("2018-12-31", nacka[Column(municipalities, "population.date")]);
        int Items(string cell) => cell.Length == 0 ? 0 : cell.Split("; ").Length;
        Assert.Equal(SeedDocument.Nominees().Count, municipalities.Skip(1).Sum(m => Items(m[Column(municipalities, "nominations")])));
        Assert.Equal(11, municipalities.Skip(1).Sum(m => Items(m[Column(municipalities, "awards")])));

        var stockholm2009 = awards.Single(a => a[0] == "2009");
        Assert.Equal(["2009", "Sveriges KvalitetsKommun 2009", "Stockholms stad", "0180", "Stockholm", "01", "Stockholms län", ""], stockholm2009[..8]);
        Assert.StartsWith("Stockholm belönas", stockholm2009[Column(awards, "motivation")], StringComparison.Ordinal);
        Assert.StartsWith("Vinnare av Sveriges KvalitetsKommun", stockholm2009[Column(awards, "sources")], StringComparison.Ordinal);

        Assert.Equal(SeedDocument.Nominees().Count, nominations.Count - 1);
        var morbylanga = nominations.Single(n => n[0] == "2025" && n[1] == "0840");
        Assert.Equal(
            ["Mörbylånga", "08", "", "", "false"],
            [
                morbylanga[2],
                morbylanga[3],
                morbylanga[Column(nominations, "withdrawnAt")],
                morbylanga[Column(nominations, "withdrawalReason")],
                morbylanga[Column(nominations, "isWinner")],
            ]);
        Assert.StartsWith("NOMINATED (", morbylanga[Column(nominations, "history")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_download_with_its_etag_is_answered_304_and_the_file_is_named_with_the_data_version()
    {
        var meta = (await kvk.Server.QueryAsync("{ meta { dataVersion lastRecordedAt } }"))["meta"]!;
        using var first = await kvk.Server.Client.GetAsync("/download/rounds.csv");
        using var filtered = await kvk.Server.Client.GetAsync("/download/rounds.xlsx?where=" + Uri.EscapeDataString("""{ "year": { "gte": 2015 } }"""));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/download/rounds.csv");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await kvk.Server.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        var version = meta["dataVersion"]!.GetValue<string>();
        Assert.Matches("^[0-9]+-[0-9a-f]{8}$", version);
        Assert.Equal($"kvk-rounds-{version}.csv", first.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal($"kvk-rounds-{version}.xlsx", filtered.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lastRecordedAt = DateTimeOffset.Parse(meta["lastRecordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        Assert.Equal(lastRecordedAt, first.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
        Assert.Equal(lastRecordedAt, filtered.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task The_download_index_gives_the_same_figures_as_meta_and_names_every_download()
    {
        var meta = (await kvk.Server.QueryAsync("{ meta { dataVersion lastRecordedAt eventCount licence sources { title } } }"))["meta"]!;
        var index = JsonNode.Parse(await kvk.Server.Client.GetStringAsync("/download/"))!;

        Assert.Equal(meta["dataVersion"]!.GetValue<string>(), index["dataVersion"]!.GetValue<string>());
        Assert.Equal(meta["eventCount"]!.GetValue<int>(), index["eventCount"]!.GetValue<int>());
        Assert.True(meta["eventCount"]!.GetValue<int>() > 100);
        Assert.Equal(
            DateTimeOffset.Parse(meta["lastRecordedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            index["lastRecordedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(meta["licence"]!.GetValue<string>(), index["licence"]!.GetValue<string>());
        Assert.Contains("CC0", meta["licence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Kvalitetsmässan", meta["licence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            ["/download/awards.csv", "/download/rounds.csv", "/download/nominations.csv", "/download/municipalities.csv"],
            index["downloads"]!.AsArray().Select(d => d!["path"]!.GetValue<string>()));
        Assert.All(
            index["downloads"]!.AsArray(),
            d => Assert.Equal($"{d!["path"]!.GetValue<string>()[10..^4]}-{meta["dataVersion"]}.csv", d["fileName"]!.GetValue<string>()[4..]));
        Assert.Equal(
            meta["sources"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()),
            index["sources"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
    }
}

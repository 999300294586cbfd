using System.Globalization;
using System.Text;
using System.Text.Json;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Sources;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Meta;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Nominations;
using Kvk.Graph.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;

namespace Kvk.Graph.Exports;

/// <summary>
/// The public read model as CSV downloads, for those who will never write a query. A download is kept in the
/// <see cref="ResponseCache"/> until something is recorded, and written for shared caches as the API's public answers
/// over GET are (<see cref="EdgeCaching"/>): an ETag, seconds at the edge, 304 to a client that has it. Its file name
/// carries the data version, its <c>Last-Modified</c> is the last recording; the terms are in the index, <c>/export/</c>.
/// </summary>
public static class CsvExports
{
    private const string CsvType = "text/csv; charset=utf-8";

    /// <summary>The downloads, as the index lists them: path, file name before the version, what each row is.</summary>
    public static readonly IReadOnlyList<(string Path, string FileName, string Rows)> Downloads =
    [
        ("/export/awards.csv", "kvk-awards", "one row per announced award, with the jury's motivation and its sources"),
        ("/export/nominations.csv", "kvk-nominations", "one row per nomination, withdrawn ones included, with its sources"),
        ("/export/rounds.csv", "kvk-rounds", "one row per round, with how much of its nominee list is known, its notes and sources"),
        ("/export/municipalities.csv", "kvk-municipalities", "one row per municipality (290), with its counts of nominations and awards"),
    ];

    public static void MapCsvExports(this IEndpointRouteBuilder endpoints)
    {
        Download(endpoints, Downloads[0], async (store, _, ct) =>
        {
            var awards = await store.DocumentsAsync<AwardView>(AwardList.Root.Query(("year", false)), ct);
            return CsvWriter.Write(
                ["year", "title", "recipient_name", "municipality_code", "municipality_name", "county_code", "county_name", "announced_at", "motivation", "announced_on", "sources"],
                awards.Select(a => (IReadOnlyList<object?>)[a.Year, AwardType.Title(a.Year), a.RecipientName, a.MunicipalityCode, a.MunicipalityName, a.CountyCode, a.CountyName, a.AnnouncedAt, a.Motivation,
                    AwardType.AnnouncedOn(a.AnnouncedOn, a.AnnouncedAt)?.Value, Cite(a.Sources)]));
        });
        Download(endpoints, Downloads[1], async (store, municipalities, ct) =>
        {
            var nominations = await store.DocumentsAsync<NominationView>(
                NominationList.Root.Query(("year", false), ("municipality.name", false)), ct);
            return CsvWriter.Write(
                ["year", "municipality_code", "municipality_name", "county_code", "county_name", "nominated_at", "withdrawn_at", "withdrawal_reason", "is_winner", "history", "sources"],
                nominations.Select(n => (IReadOnlyList<object?>)[n.Year, n.MunicipalityCode, n.MunicipalityName, n.CountyCode, municipalities.FindCounty(n.CountyCode)?.Name, n.NominatedAt, n.WithdrawnAt, n.WithdrawalReason, n.IsWinner, History(n), Cite(n.Sources)]));
        });
        Download(endpoints, Downloads[2], async (store, _, ct) =>
        {
            var rounds = await store.DocumentsAsync<RoundView>(RoundList.Root.Query(("year", false)), ct);
            var awards = (await store.DocumentsAsync<AwardView>(AwardList.Root.Query(("year", false)), ct)).ToDictionary(a => a.Year);
            return CsvWriter.Write(
                ["year", "title", "status", "nominees_known", "nominee_count", "winner_code", "winner_name", "announced_on", "announced_on_precision", "recorded_at", "notes", "sources"],
                rounds.Select(r =>
                {
                    var award = awards.GetValueOrDefault(r.Year);
                    var announcedOn = r.Announcement is { } a ? AwardType.AnnouncedOn(a.AnnouncedOn, a.AnnouncedAt) : null;
                    return (IReadOnlyList<object?>)[r.Year, AwardType.Title(r.Year), Constant(r.Status.ToString()), Constant(NomineesKnownType.Of(r).ToString()), r.Nominees.Count,
                        award?.MunicipalityCode, award?.MunicipalityName, announcedOn?.Value, announcedOn is null ? null : Constant(announcedOn.Precision.ToString()), r.OpenedAt,
                        string.Join(" | ", r.Notes.Select(n => $"{n.Text} [{Cite(n.Sources)}]")), Cite(r.NomineeSources)];
                }));
        });
        Download(endpoints, Downloads[3], async (store, municipalities, ct) =>
        {
            var nominations = await store.DocumentsAsync<NominationView>(NominationList.Root.Query(("year", false)), ct);
            var awards = await store.DocumentsAsync<AwardView>(AwardList.Root.Query(("year", false)), ct);
            var nominated = nominations.CountBy(n => n.MunicipalityCode).ToDictionary();
            var won = awards.CountBy(a => a.MunicipalityCode).ToDictionary();
            return CsvWriter.Write(
                ["municipality_code", "municipality_name", "official_name", "county_code", "county_name", "nominations", "awards", "wikidata_id", "kolada_url", "population", "population_date", "municipality_group_skr"],
                municipalities.All.Select(m => (IReadOnlyList<object?>)[m.Code, m.Name, m.OfficialName, m.County.Code, m.County.Name, nominated.GetValueOrDefault(m.Code), won.GetValueOrDefault(m.Code),
                    m.WikidataId, MunicipalityType.KoladaUrl(m.Code), m.Population?.Count, m.Population?.Date, m.MunicipalityGroup]));
        });
        endpoints.MapGet("/export/", async (HttpContext context, ReadStore store, ResponseCache cache, EdgeCachePolicy policy) =>
        {
            var figures = await FiguresAsync(store, cache, context.RequestAborted);
            var index = new
            {
                figures.DataVersion,
                figures.LastRecordedAt,
                figures.EventCount,
                Licence = DataTerms.Licence,
                Downloads = Downloads.Select(d => new { d.Path, FileName = FileName(d.FileName, figures), d.Rows }),
                DataTerms.Sources,
            };
            var body = JsonSerializer.SerializeToUtf8Bytes(index, IndexJson);
            await EdgeCaching.WriteAsync(context, new CachedResponse(StatusCodes.Status200OK, "application/json; charset=utf-8", body), policy);
        });
    }

    private static readonly JsonSerializerOptions IndexJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>An enum's value as the schema spells it: "WINNER_ONLY".</summary>
    private static string Constant(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    /// <summary>Sources in one cell: "title (publisher, published on) url; …".</summary>
    private static string Cite(IReadOnlyList<Source> sources) => string.Join("; ", sources.Select(s =>
        s.Title + (s.Publisher is null && s.PublishedOn is null ? "" : $" ({string.Join(", ", new[] { s.Publisher, s.PublishedOn }.OfType<string>())})") + (s.Url is null ? "" : " " + s.Url)));

    /// <summary>A nomination's own history in one cell, oldest first: "nominated 2027-03-02T09:00:00Z; withdrawn 2027-03-04T09:00:00Z: the reason; …".</summary>
    private static string History(NominationView nomination) => string.Join("; ", NominationType.History(nomination).Select(c =>
        $"{c.Change.ToString().ToLowerInvariant()} {CsvWriter.Format(c.RecordedAt)}{(c.Reason is null ? "" : ": " + c.Reason)}"));

    private static string FileName(string name, DataFigures figures) => $"{name}-{figures.DataVersion}.csv";

    /// <summary>The figures of the record, cached as the downloads are: until something is recorded.</summary>
    private static async Task<DataFigures> FiguresAsync(ReadStore store, ResponseCache cache, CancellationToken cancellationToken)
    {
        const string key = "export\nfigures";
        if (cache.TryGet(key, out var cached))
        {
            return JsonSerializer.Deserialize<DataFigures>(cached.Body)!;
        }

        var generation = cache.Generation;
        var figures = await DataFigures.ReadAsync(store, cancellationToken);
        cache.Store(key, new CachedResponse(StatusCodes.Status200OK, "application/json", JsonSerializer.SerializeToUtf8Bytes(figures)), generation);
        return figures;
    }

    private static void Download(IEndpointRouteBuilder endpoints, (string Path, string FileName, string Rows) download, Func<ReadStore, MunicipalityDirectory, CancellationToken, Task<byte[]>> write) =>
        endpoints.MapGet(download.Path, async (HttpContext context, ReadStore store, MunicipalityDirectory municipalities, ResponseCache cache, EdgeCachePolicy policy) =>
        {
            // The whole file is not what a filter asked for: a parameter is refused, and the filtered download named.
            if (context.Request.Query.Keys.FirstOrDefault() is { } parameter)
            {
                var list = Path.GetFileNameWithoutExtension(download.Path);
                await Results.Text($"Unknown parameter `{parameter}`: {download.Path} is the whole list. For the list filtered, use /spreadsheet/{list}.csv with the list's filters, e.g. /spreadsheet/{list}.csv?municipality.county.code=12.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }

            var key = "export\n" + download.Path;
            var figures = await FiguresAsync(store, cache, context.RequestAborted);
            if (!cache.TryGet(key, out var response))
            {
                var generation = cache.Generation;
                response = new CachedResponse(StatusCodes.Status200OK, CsvType, await write(store, municipalities, context.RequestAborted));
                cache.Store(key, response, generation);
            }

            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(download.FileName, figures)}\"";
            if (figures.LastRecordedAt is { } last)
            {
                context.Response.Headers.LastModified = last.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
            }

            await EdgeCaching.WriteAsync(context, response, policy);
        });
}

using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Nominations;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Exports;

/// <summary>
/// The public read model as CSV downloads, for those who will never write a query. A download is kept in the
/// <see cref="ResponseCache"/> until something is recorded, and written for shared caches as the API's public answers
/// over GET are (<see cref="EdgeCaching"/>): an ETag, seconds at the edge, 304 to a client that has it.
/// </summary>
public static class CsvExports
{
    private const string CsvType = "text/csv; charset=utf-8";

    public static void MapCsvExports(this IEndpointRouteBuilder endpoints)
    {
        Download(endpoints, "/export/awards.csv", "kvk-awards.csv", async (store, ct) =>
        {
            var awards = await store.DocumentsAsync<AwardView>(AwardList.Root.Query(("year", false)), ct);
            return CsvWriter.Write(
                ["year", "title", "recipient_name", "municipality_code", "municipality_name", "county_code", "county_name", "announced_at", "motivation"],
                awards.Select(a => (IReadOnlyList<object?>)[a.Year, AwardType.Title(a.Year), a.RecipientName, a.MunicipalityCode, a.MunicipalityName, a.CountyCode, a.CountyName, a.AnnouncedAt, a.Motivation]));
        });
        Download(endpoints, "/export/nominations.csv", "kvk-nominations.csv", async (store, ct) =>
        {
            var nominations = await store.DocumentsAsync<NominationView>(
                NominationList.Root.Query(("year", false), ("municipality.name", false)), ct);
            return CsvWriter.Write(
                ["year", "municipality_code", "municipality_name", "county_code", "nominated_at", "withdrawn_at", "withdrawal_reason", "is_winner", "history"],
                nominations.Select(n => (IReadOnlyList<object?>)[n.Year, n.MunicipalityCode, n.MunicipalityName, n.CountyCode, n.NominatedAt, n.WithdrawnAt, n.WithdrawalReason, n.IsWinner, History(n)]));
        });
    }

    /// <summary>A nomination's own history in one cell, oldest first: "nominated 2027-03-02T09:00:00Z; withdrawn 2027-03-04T09:00:00Z: the reason; …".</summary>
    private static string History(NominationView nomination) => string.Join("; ", NominationType.History(nomination).Select(c =>
        $"{c.Change.ToString().ToLowerInvariant()} {CsvWriter.Format(c.RecordedAt)}{(c.Reason is null ? "" : ": " + c.Reason)}"));

    private static void Download(IEndpointRouteBuilder endpoints, string path, string fileName, Func<ReadStore, CancellationToken, Task<byte[]>> write) =>
        endpoints.MapGet(path, async (HttpContext context, ReadStore store, ResponseCache cache, EdgeCachePolicy policy) =>
        {
            // The whole file is not what a filter asked for: a parameter is refused, and the filtered download named.
            if (context.Request.Query.Keys.FirstOrDefault() is { } parameter)
            {
                var list = Path.GetFileNameWithoutExtension(path);
                await Results.Text($"Unknown parameter `{parameter}`: {path} is the whole list. For the list filtered, use /spreadsheet/{list}.csv with the list's filters, e.g. /spreadsheet/{list}.csv?municipality.county.code=12.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
                return;
            }

            var key = "export\n" + path;
            if (!cache.TryGet(key, out var response))
            {
                var generation = cache.Generation;
                response = new CachedResponse(StatusCodes.Status200OK, CsvType, await write(store, context.RequestAborted));
                cache.Store(key, response, generation);
            }

            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await EdgeCaching.WriteAsync(context, response, policy);
        });
}

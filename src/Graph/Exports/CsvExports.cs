using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Nominations;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Exports;

/// <summary>The public read model as CSV downloads, for those who will never write a query.</summary>
public static class CsvExports
{
    public static void MapCsvExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/awards.csv", async (ReadStore store, CancellationToken ct) =>
        {
            var awards = await store.DocumentsAsync<AwardView>(AwardList.Root.Query(("year", false)), ct);
            return Csv("kvk-awards.csv", CsvWriter.Write(
                ["year", "title", "recipient_name", "municipality_code", "municipality_name", "county_code", "county_name", "announced_at", "motivation"],
                awards.Select(a => (IReadOnlyList<object?>)[a.Year, AwardType.Title(a.Year), a.RecipientName, a.MunicipalityCode, a.MunicipalityName, a.CountyCode, a.CountyName, a.AnnouncedAt, a.Motivation])));
        });
        endpoints.MapGet("/export/nominations.csv", async (ReadStore store, CancellationToken ct) =>
        {
            var nominations = await store.DocumentsAsync<NominationView>(
                NominationList.Root.Query(("year", false), ("municipality.name", false)), ct);
            return Csv("kvk-nominations.csv", CsvWriter.Write(
                ["year", "municipality_code", "municipality_name", "county_code", "nominated_at", "withdrawn_at", "withdrawal_reason", "is_winner"],
                nominations.Select(n => (IReadOnlyList<object?>)[n.Year, n.MunicipalityCode, n.MunicipalityName, n.CountyCode, n.NominatedAt, n.WithdrawnAt, n.WithdrawalReason, n.IsWinner])));
        });
    }

    private static IResult Csv(string fileName, byte[] content) => Results.File(content, "text/csv; charset=utf-8", fileName);
}

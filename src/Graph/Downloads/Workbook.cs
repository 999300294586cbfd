using System.Text.Json;
using SpreadCheetah;

namespace Kvk.Graph.Downloads;

/// <summary>
/// A download as a workbook of one sheet: a number of the API's JSON as a number, true/false as such, everything else
/// as text (so that "0180" stays "0180", and a text is never a formula: cells are written as values).
/// </summary>
public static class Workbook
{
    public static async Task<byte[]> WriteAsync(
        string sheet,
        IReadOnlyList<DownloadColumn> columns,
        IEnumerable<DownloadCell[]> rows,
        CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync(sheet, token: cancellationToken);
            await spreadsheet.AddRowAsync([.. columns.Select(c => new DataCell(c.Path))], cancellationToken);
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync([.. row.Select(Cell)], cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }

    private static DataCell Cell(DownloadCell cell) => cell.Value switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt32(out var whole) => new DataCell(whole),
        { ValueKind: JsonValueKind.Number } number => new DataCell(number.GetDouble()),
        { ValueKind: JsonValueKind.True } => new DataCell(true),
        { ValueKind: JsonValueKind.False } => new DataCell(false),
        null when string.IsNullOrEmpty(cell.Joined) => new DataCell(),
        _ => new DataCell(cell.Text),
    };
}

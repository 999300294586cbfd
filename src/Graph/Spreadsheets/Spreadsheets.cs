using System.Text.Json;
using GraphQL;
using Kvk.Graph.Engine.Lists;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Exports;
using SpreadCheetah;

namespace Kvk.Graph.Spreadsheets;

/// <summary>
/// Any list as a spreadsheet: <c>/spreadsheet/{list}.csv</c> (add <c>separator=semicolon</c> for Excel in Swedish) and
/// <c>/spreadsheet/{list}.xlsx</c>, with the list's own filters and order (<c>where</c> and <c>order</c> as JSON, exactly
/// as the GraphQL list takes them, or a value path as a parameter: <c>municipality.county.code=12</c>) and the columns
/// asked for (<c>columns=year,municipality.name</c>; by default the list's values, its related items' values and
/// their counties'). One SQL statement; a parameter the list does not have is a 400 that names it.
/// </summary>
public static class Spreadsheets
{
    private static readonly HashSet<string> Reserved = ["where", "order", "columns", "separator"];

    /// <param name="lists">The lists of the schema, each a spreadsheet by its root field's name.</param>
    public static void MapSpreadsheets(this IEndpointRouteBuilder endpoints, IReadOnlyList<ListRoot> lists) =>
        endpoints.MapGet("/spreadsheet/{file}", async (string file, HttpContext context, ReadStore store, QueryLimits limits) =>
        {
            var extension = Path.GetExtension(file);
            var root = lists.FirstOrDefault(l => l.Field == Path.GetFileNameWithoutExtension(file));
            if (root is null || extension is not (".csv" or ".xlsx"))
            {
                return Results.Text($"No spreadsheet `{file}`: the lists are {string.Join(", ", lists.Select(l => l.Field))}, as .csv or .xlsx.", statusCode: StatusCodes.Status404NotFound);
            }

            try
            {
                var request = Read(root, context.Request.Query);
                if (limits.FilterCost(request.Where) > limits.MaxComplexity)
                {
                    throw new SpreadsheetRequestException("The filter is too complex.");
                }

                var rows = await RowsAsync(store, root, request, context.RequestAborted);
                var name = $"kvk-{root.Field}{extension}";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
                return extension == ".csv"
                    ? Results.Bytes(CsvWriter.Write([.. request.Columns.Select(c => c.Path)], rows.Select(r => (IReadOnlyList<object?>)r), request.Separator), "text/csv; charset=utf-8")
                    : Results.Bytes(await WorkbookAsync(root, request.Columns, rows, context.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            catch (Exception e) when (e is SpreadsheetRequestException or ExecutionError or JsonException)
            {
                return Results.Text(e.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });

    private sealed record Request(IDictionary<string, object?> Where, List<object?>? Order, IReadOnlyList<ValuePath> Columns, char Separator);

    private static Request Read(ListRoot root, IQueryCollection query)
    {
        var entity = root.Entity;
        var conditions = new List<object?>();
        if (query.TryGetValue("where", out var where))
        {
            conditions.Add(ListArguments.Where(JsonDocument.Parse(where.ToString()).RootElement, entity));
        }

        foreach (var (name, values) in query.Where(q => !Reserved.Contains(q.Key)))
        {
            conditions.AddRange(values.Select(v => (object?)ListArguments.Equality(entity, name, v ?? "")));
        }

        var order = query.TryGetValue("order", out var sort) ? ListArguments.Order(JsonDocument.Parse(sort.ToString()).RootElement, entity) : null;
        var columns = query.TryGetValue("columns", out var named)
            ? [.. named.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => ValuePath.Find(entity, c) ?? throw new SpreadsheetRequestException($"Unknown column `{c}`."))]
            : ValuePath.Of(entity, (one, depth) => depth == 0 || one.Relation is Embedded);
        var separator = query.TryGetValue("separator", out var given)
            ? given.ToString() switch
            {
                "comma" => ',',
                "semicolon" => ';',
                _ => throw new SpreadsheetRequestException("`separator` is comma or semicolon."),
            }
            : ',';
        return new Request(new Dictionary<string, object?> { ["and"] = conditions }, order, columns, separator);
    }

    /// <summary>The rows: each column as text (a time in UTC as ISO 8601), the list's filter and order applied in PostgreSQL.</summary>
    private static async Task<List<string?[]>> RowsAsync(ReadStore store, ListRoot root, Request request, CancellationToken cancellationToken)
    {
        var query = root.Query(request.Where, request.Order);
        var aliases = 0;
        var columns = request.Columns.Select(c =>
        {
            var sql = c.Sql(root.Entity, query.Table, ref aliases);
            return c.Value.Kind == ValueKind.Timestamp ? $"to_char(({sql}) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')" : $"({sql})::text";
        });
        return await store.ValuesAsync($"select {string.Join(", ", columns)} from {query.Table}{query.WhereClause}{query.OrderByClause}", query.Parameters, cancellationToken);
    }

    /// <summary>A workbook of one sheet: numbers and true/false as such, everything else as text, so that "0180" stays "0180".</summary>
    private static async Task<byte[]> WorkbookAsync(ListRoot root, IReadOnlyList<ValuePath> columns, List<string?[]> rows, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync(root.Field, token: cancellationToken);
            await spreadsheet.AddRowAsync([.. columns.Select(c => new DataCell(c.Path))], cancellationToken);
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync([.. columns.Select((c, i) => Cell(c.Value.Kind, row[i]))], cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }

    private static DataCell Cell(ValueKind kind, string? value) => (kind, value) switch
    {
        (_, null) => new DataCell(),
        (ValueKind.Number, _) => new DataCell(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        (ValueKind.Boolean, _) => new DataCell(value == "true"),
        _ => new DataCell(value),
    };
}

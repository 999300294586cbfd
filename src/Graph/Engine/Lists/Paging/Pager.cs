using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>
/// Runs one page of a <see cref="ViewQuery"/> with keyset cursors in one SQL statement, its
/// <c>totalCount</c> included when selected.
/// </summary>
public static class Pager
{
    /// <summary>Where a value comes from when it is the row's id rather than a selected column.</summary>
    private const int RowId = -1;

    public static Task<Connection<T>> PageAsync<T>(ReadStore store, ViewQuery query, PageArguments page, CancellationToken cancellationToken) =>
        PageAsync<T, T>(store, query, page, (document, _) => document, cancellationToken);

    /// <param name="map">Makes a node of a document and the values of <see cref="ViewQuery.Selected"/>.</param>
    public static async Task<Connection<TNode>> PageAsync<TDoc, TNode>(
        ReadStore store,
        ViewQuery query,
        PageArguments page,
        Func<TDoc, IReadOnlyList<string?>, TNode> map,
        CancellationToken cancellationToken)
    {
        // The total is of the whole filtered list: its statement is taken before the keyset conditions narrow the query
        // (written only for a page that needs it: a first page's total is its window count).
        var (table, filtered) = (query.Table, query.WhereClause);
        string CountSql() => $"select count(*) from {table}{filtered}";
        IReadOnlyList<object?> countParameters = [.. query.Parameters];

        var order = page.Backward ? [.. query.Order.Select(k => k with { Descending = !k.Descending })] : query.Order;
        if (page.After is not null)
        {
            query.Where(Beyond(query, query.Order, Cursor.Decode(page.After, query.Order.Count)));
        }

        if (page.Before is not null)
        {
            query.Where(Beyond(query, [.. query.Order.Select(k => k with { Descending = !k.Descending })], Cursor.Decode(page.Before, query.Order.Count)));
        }

        var orderBy = " order by " + string.Join(", ", order.Select(k => k.Column.Ordered + (k.Descending ? " desc" : " asc")));

        // Each expression is selected once, as text: the id key is the row's own id, and a selected value
        // that is also a sort key (a search's rank) is computed once per row, not twice.
        var columns = new List<string>();
        int ColumnOf(string expression)
        {
            if (columns.IndexOf(expression) is var existing and >= 0)
            {
                return existing;
            }

            columns.Add(expression);
            return columns.Count - 1;
        }

        int[] keyColumns = [.. query.Order.Select(k => k.Column == ViewQuery.Id ? RowId : ColumnOf(k.Column.Expression))];
        int[] selectedColumns = [.. query.Selected.Select(ColumnOf)];
        var values = string.Concat(columns.Select(c => $", ({c})::text"));

        // A selected total rides along in the page's statement. Without a cursor every filtered row
        // reaches the window, so a window count is the total, from the one scan. Beyond a cursor it
        // is an uncorrelated subquery, which PostgreSQL runs once per statement (the keyset parameters
        // come after the filter's, so the subquery's placeholders mean the same values).
        var counted = (page.WithTotal, page.After ?? page.Before) switch
        {
            (false, _) => "",
            (true, null) => ", (count(*) over ())::text",
            (true, _) => $", ({CountSql()})::text",
        };
        var sql = $"select {ReadStore.Reference(query.DocumentTable)}{values}{counted} from {query.Table}{query.WhereClause}{orderBy} limit {page.Size + 1}";
        IReadOnlyList<ReadRow<TDoc>> rows;
        try
        {
            rows = await store.QueryAsync<TDoc>(query.DocumentTable, sql, query.Parameters, cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) && (page.After ?? page.Before) is { } cursor)
        {
            // A cursor whose values do not fit the order's columns (a forged or edited one) is a client's error.
            throw Cursor.Invalid(cursor);
        }

        // An empty page carries no total: without a cursor it is 0; beyond one (after the last item) it is counted.
        Func<CancellationToken, Task<int>> total = (page.WithTotal, rows.Count, page.After ?? page.Before) switch
        {
            (true, > 0, _) => _ => Task.FromResult(int.Parse(rows[0].Values[^1]!, System.Globalization.CultureInfo.InvariantCulture)),
            (true, 0, null) => _ => Task.FromResult(0),
            _ => cancel => store.CountAsync(CountSql(), countParameters, cancel),
        };

        var more = rows.Count > page.Size;
        var taken = rows.Take(page.Size).ToList();
        if (page.Backward)
        {
            taken.Reverse();
        }

        static string? Value(ReadRow<TDoc> row, int column) => column == RowId ? row.Id : row.Values[column];
        var edges = taken.Select(r => new Edge<TNode>(
            [.. keyColumns.Select(c => Value(r, c))],
            map(r.Document, [.. selectedColumns.Select(c => Value(r, c))]))).ToList();
        var pageInfo = new PageInfo(
            hasNextPage: page.Backward ? page.Before is not null : more,
            hasPreviousPage: page.Backward ? more : page.After is not null,
            () => edges.FirstOrDefault()?.Cursor,
            () => edges.LastOrDefault()?.Cursor);
        return new Connection<TNode>(edges, pageInfo, total);
    }

    /// <summary>The rows strictly after <paramref name="values"/> in <paramref name="order"/>: (a &gt; x) or (a = x and b &gt; y) or …</summary>
    private static string Beyond(ViewQuery query, IReadOnlyList<SortKey> order, IReadOnlyList<string?> values)
    {
        var alternatives = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var terms = new List<string>();
            for (var j = 0; j < i; j++)
            {
                terms.Add($"{order[j].Column.Ordered} = {Value(query, order[j], values[j])}");
            }

            terms.Add($"{order[i].Column.Ordered} {(order[i].Descending ? "<" : ">")} {Value(query, order[i], values[i])}");
            alternatives.Add(string.Join(" and ", terms));
        }

        return string.Join(" or ", alternatives.Select(a => $"({a})"));
    }

    private static string Value(ViewQuery query, SortKey key, string? value)
    {
        var parameter = query.Parameter(value, key.Column.SqlType);
        return key.Column.SqlType == "text" ? $"{parameter} collate {SqlColumn.SwedishCollation}" : parameter;
    }
}

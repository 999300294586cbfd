using Kvk.Graph.ReadModel;

namespace Kvk.Graph.Schema.Paging;

/// <summary>
/// Runs one page of a <see cref="DocumentQuery"/> with keyset cursors in one round trip: when <c>totalCount</c>
/// is selected, a first page counts in its own statement and a later one sends the count in the same batch.
/// </summary>
public static class Pager
{
    public static Task<Connection<T>> PageAsync<T>(ReadStore store, DocumentQuery query, PageArguments page, CancellationToken cancellationToken) =>
        PageAsync<T, T>(store, query, page, (document, _) => document, cancellationToken);

    /// <param name="map">Makes a node of a document and the values of <see cref="DocumentQuery.Selected"/>.</param>
    public static async Task<Connection<TNode>> PageAsync<TDoc, TNode>(ReadStore store, DocumentQuery query, PageArguments page, Func<TDoc, IReadOnlyList<string?>, TNode> map, CancellationToken cancellationToken)
    {
        // The total is of the whole filtered list: its statement is taken before the keyset conditions narrow the query.
        var countSql = $"select count(*) from {query.Table}{query.WhereClause}";
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
        var keys = string.Concat(query.Order.Select(k => $", ({k.Column.Expression})::text"));
        var selected = string.Concat(query.Selected.Select(s => $", ({s})::text"));
        // Without a cursor the page's own rows are the whole filtered list, so the page counts them itself.
        var countInPage = page.WithTotal && page.After is null && page.Before is null;
        var windowCount = countInPage ? ", (count(*) over ())::text" : "";
        var sql = $"select data{keys}{selected}{windowCount} from {query.Table}{query.WhereClause}{orderBy} limit {page.Size + 1}";
        IReadOnlyList<ReadRow<TDoc>> rows;
        Func<CancellationToken, Task<int>> total;
        try
        {
            if (countInPage)
            {
                rows = await store.QueryAsync<TDoc>(sql, query.Parameters, cancellationToken);
                var count = rows.Count == 0 ? 0 : int.Parse(rows[0].Values[^1]!, System.Globalization.CultureInfo.InvariantCulture);
                total = _ => Task.FromResult(count);
            }
            else if (page.WithTotal)
            {
                (rows, var count) = await store.QueryAndCountAsync<TDoc>(sql, query.Parameters, countSql, countParameters, cancellationToken);
                total = _ => Task.FromResult(count);
            }
            else
            {
                rows = await store.QueryAsync<TDoc>(sql, query.Parameters, cancellationToken);
                total = cancel => store.CountAsync(countSql, countParameters, cancel);
            }
        }
        catch (Npgsql.PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) && (page.After ?? page.Before) is { } cursor)
        {
            // A cursor whose values do not fit the order's columns (a forged or edited one) is a client's error.
            throw Cursor.Invalid(cursor);
        }

        var more = rows.Count > page.Size;
        var taken = rows.Take(page.Size).ToList();
        if (page.Backward)
        {
            taken.Reverse();
        }

        var keyCount = query.Order.Count;
        var edges = taken.Select(r => new Edge<TNode>(Cursor.Encode([.. r.Values.Take(keyCount)]), map(r.Document, [.. r.Values.Skip(keyCount).Take(query.Selected.Count)]))).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: page.Backward ? page.Before is not null : more,
            HasPreviousPage: page.Backward ? more : page.After is not null,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<TNode>(edges, pageInfo, total);
    }

    /// <summary>The rows strictly after <paramref name="values"/> in <paramref name="order"/>: (a &gt; x) or (a = x and b &gt; y) or …</summary>
    private static string Beyond(DocumentQuery query, IReadOnlyList<SortKey> order, IReadOnlyList<string?> values)
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

    private static string Value(DocumentQuery query, SortKey key, string? value)
    {
        var parameter = query.Parameter(value, key.Column.SqlType);
        return key.Column.SqlType == "text" ? $"{parameter} collate {SqlColumn.SwedishCollation}" : parameter;
    }
}

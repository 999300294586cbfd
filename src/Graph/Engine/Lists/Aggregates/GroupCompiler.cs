using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Aggregates;

/// <summary>
/// The counts of a filtered list in one SQL statement: grouped by the values of <see cref="GroupPath"/>s, read from
/// the row, an embedded object, or a related row (a scalar subquery, or the row's own copy of it), ordered by count
/// or by key, keys in the order their values sort in (Swedish alphabetical order, an enum's declared order).
/// </summary>
public static class GroupCompiler
{
    public sealed record GroupOrder(bool ByCount, bool Descending);

    public static async Task<IReadOnlyList<AggregateGroup>> GroupAsync(
        ReadStore store,
        ViewQuery query,
        Entity entity,
        IReadOnlyList<GroupPath> by,
        IReadOnlyList<GroupOrder> order,
        int? first,
        CancellationToken cancellationToken)
    {
        var columns = new List<string>();
        var grouped = new List<string>();
        var keys = new List<string>();
        var aliases = 0;
        for (var i = 0; i < by.Count; i++)
        {
            var path = by[i];
            columns.Add($"{ValuePath.Sql(new Scope(entity, query.Table), path.Relations, path.Key, ref aliases)} as k{i}");
            columns.Add($"{(path.Name is null ? "null::text" : ValuePath.Sql(new Scope(entity, query.Table), path.Relations, path.Name, ref aliases))} " +
                $"as n{i}");
            grouped.Add($"g.k{i}, g.n{i}");
            keys.Add(path.Key.Ordered($"g.k{i}").Ordered);
        }

        var orderBy = order
            .Select(o => o.ByCount
                ? "count(*)" + (o.Descending ? " desc" : " asc")
                : string.Join(", ", keys.Select(k => k + (o.Descending ? " desc nulls last" : " asc nulls first"))))
            .Concat(keys.Select(k => k + " asc nulls first"));
        var selected = string.Concat(Enumerable.Range(0, by.Count).Select(i => $"(g.k{i})::text, g.n{i}, "));
        var limit = first is { } n ? $" limit {n}" : "";
        var sql = $"select {selected}count(*)::text from (select {string.Join(", ", columns)} from {query.Table}{query.WhereClause}) g group by " +
            $"{string.Join(", ", grouped)} order by {string.Join(", ", orderBy)}{limit}";
        var rows = await store.ValuesAsync(sql, query.Parameters, cancellationToken);
        return [.. rows.Select(r => new AggregateGroup(
            [.. by.Select((path, i) => new GroupKey(path.EnumName, r[2 * i], r[(2 * i) + 1]))],
            int.Parse(r[^1]!, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    public static Task<int> CountAsync(ReadStore store, ViewQuery query, CancellationToken cancellationToken) =>
        store.CountAsync($"select count(*) from {query.Table}{query.WhereClause}", query.Parameters, cancellationToken);
}

/// <summary>One group of counted items: its key per value grouped by, and how many items it holds.</summary>
public sealed record AggregateGroup(IReadOnlyList<GroupKey> Keys, int Count);

/// <param name="By">The value grouped by, as named in the list's group enum.</param>
/// <param name="Key">The value as text; null for the items without one.</param>
/// <param name="Name">The readable name of the grouped entity (a county's "Skåne län"), where it has one.</param>
public sealed record GroupKey(string By, string? Key, string? Name);

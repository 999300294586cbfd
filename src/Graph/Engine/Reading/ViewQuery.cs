using System.Globalization;

namespace Kvk.Graph.Engine.Reading;

/// <summary>One key of an ORDER BY over a document table.</summary>
public sealed record SortKey(SqlColumn Column, bool Descending);

/// <summary>
/// A query over one read-model table: conditions with positional parameters and an order. Paging adds
/// its keyset conditions; the table's unique <c>id</c> is always the last sort key, so that every order
/// is total and every cursor points at exactly one row.
/// </summary>
public sealed class ViewQuery(string table)
{
    private readonly List<string> _conditions = [];
    private readonly List<object?> _parameters = [];
    private readonly List<string> _selected = [];
    private string? _whereClause;

    /// <summary>The document table the query lists the documents of.</summary>
    public string DocumentTable { get; } = table;

    /// <summary>The table, with whatever <see cref="Join"/> added to it: what the statements select from.</summary>
    public string Table { get; private set; } = table;

    public IReadOnlyList<object?> Parameters => _parameters;

    public IReadOnlyList<SortKey> Order { get; private set; } = [];

    /// <summary>Values computed beside each document (e.g. a search excerpt), in the order they were added.</summary>
    public IReadOnlyList<string> Selected => _selected;

    public static SqlColumn Id { get; } = SqlColumn.Text("id");

    /// <summary>Adds a parameter and returns its placeholder, cast to <paramref name="sqlType"/>.</summary>
    public string Parameter(object? value, string sqlType)
    {
        _parameters.Add(value);
        return string.Create(CultureInfo.InvariantCulture, $"${_parameters.Count}::{sqlType}");
    }

    /// <summary>Adds a join to the FROM clause, e.g. a function evaluated once per statement instead of once per row.</summary>
    public ViewQuery Join(string join)
    {
        Table += " " + join;
        return this;
    }

    public ViewQuery Where(string condition)
    {
        _conditions.Add($"({condition})");
        _whereClause = null;
        return this;
    }

    public ViewQuery Select(string expression)
    {
        _selected.Add(expression);
        return this;
    }

    public ViewQuery OrderBy(IEnumerable<SortKey> keys)
    {
        Order = [.. keys.Where(k => k.Column != Id), new SortKey(Id, false)];
        return this;
    }

    /// <summary>The conditions as SQL, written once until another is added: a page's statement and its count both use it.</summary>
    public string WhereClause => _whereClause ??= _conditions.Count == 0 ? "" : " where " + string.Join(" and ", _conditions);

    public string OrderByClause => Order.Count == 0
        ? ""
        : " order by " + string.Join(", ", Order.Select(k => k.Column.Ordered + (k.Descending ? " desc" : " asc")));
}

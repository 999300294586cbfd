using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>What a filter path ("municipality.county.code") means in SQL for one list.</summary>
public abstract record FilterTarget
{
    public static implicit operator FilterTarget(SqlColumn column) => new ScalarFilter(column);
}

/// <summary>A value of the row, tested with an operation input (<c>eq</c>, <c>contains</c>, <c>gt</c>, …).</summary>
public sealed record ScalarFilter(SqlColumn Column) : FilterTarget;

/// <summary>
/// A list of related documents in <paramref name="Table"/>, tested with <c>some</c>/<c>all</c>/<c>none</c>/<c>any</c>.
/// <paramref name="Correlation"/> links an item to the outer row; it names outer columns by their table
/// (unqualified names inside the subquery are the item's own).
/// </summary>
public sealed record ListFilter(string Table, string Correlation, IReadOnlyDictionary<string, FilterTarget> Items) : FilterTarget;

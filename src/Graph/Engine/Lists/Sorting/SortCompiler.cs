using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Sorting;

/// <summary>
/// Turns an <c>order</c> argument into SQL sort keys over an <see cref="Entity"/>: a value of the row, of an embedded
/// object, or of a related row (a scalar subquery, or the outer row's shortcut to it).
/// </summary>
public static class SortCompiler
{
    public const string InvalidSort = "INVALID_SORT";

    public static IReadOnlyList<SortKey> Parse(object? order, Entity entity, string source, IReadOnlyList<SortKey> defaultOrder)
    {
        if (order is not IEnumerable<object?> items)
        {
            return defaultOrder;
        }

        var keys = new List<SortKey>();
        var aliases = 0;
        foreach (var item in items.OfType<IDictionary<string, object?>>())
        {
            Collect(new Scope(entity, source), item, sql => sql, keys, ref aliases);
        }

        return keys.Count == 0 ? defaultOrder : keys;
    }

    /// <param name="wrap">Makes a value of a related row readable from the list's row: the subqueries of the relations it is read through.</param>
    private static void Collect(Scope scope, IDictionary<string, object?> input, Func<string, string> wrap, List<SortKey> keys, ref int aliases)
    {
        foreach (var (name, value) in input)
        {
            switch (scope.Entity.Find(name), value)
            {
                case (_, null):
                    break;
                case (ValueMember member, bool descending) when member.Use.HasFlag(ValueUse.Sort):
                    var ordered = member.Ordered(scope.Value(member));
                    keys.Add(new SortKey(ordered with { Expression = wrap(ordered.Expression) }, descending));
                    break;
                case (OneMember { Relation: Embedded embedded } one, IDictionary<string, object?> nested):
                    Collect(scope.Embedded(one, embedded), nested, wrap, keys, ref aliases);
                    break;
                case (OneMember { Relation: Lookup lookup } one, IDictionary<string, object?> nested):
                    // A scope of its own for each key, so that a key read through a shortcut makes no subquery after one that needed it.
                    var target = one.Target();
                    var outer = scope;
                    foreach (var entry in nested)
                    {
                        // The related row is read by a subquery only when the value needed it (not through a shortcut);
                        // the outer levels' subqueries apply either way.
                        var alias = $"s{++aliases}";
                        var inner = scope.Lookup(one, target, alias, lookup);
                        Collect(
                            inner,
                            new Dictionary<string, object?> { [entry.Key] = entry.Value },
                            sql => wrap(inner.Used ? $"(select {sql} from {target.Table} {alias} where {lookup.Correlation(outer.Source(), alias)} and " +
                                $"{target.ScopeOf(alias)})" : sql),
                            keys,
                            ref aliases);
                    }

                    break;
                default:
                    throw Entity.Invalid(InvalidSort, $"Sorting by `{scope.Path(name)}` is not available on this list.");
            }
        }
    }
}

using GraphQL;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Sorting;

/// <summary>Turns an <c>order</c> argument into SQL sort keys through the paths a list supports ("municipality.name").</summary>
public static class SortOrder
{
    public static IReadOnlyList<SortKey> Parse(object? order, IReadOnlyDictionary<string, SqlColumn> columns, IReadOnlyList<SortKey> defaultOrder)
    {
        if (order is not IEnumerable<object?> items)
        {
            return defaultOrder;
        }

        var keys = new List<SortKey>();
        foreach (var item in items.OfType<IDictionary<string, object?>>())
        {
            Collect(item, "", columns, keys);
        }

        return keys.Count == 0 ? defaultOrder : keys;
    }

    private static void Collect(IDictionary<string, object?> input, string prefix, IReadOnlyDictionary<string, SqlColumn> columns, List<SortKey> keys)
    {
        foreach (var (name, value) in input)
        {
            var path = prefix + name;
            switch (value)
            {
                case null:
                    break;
                case IDictionary<string, object?> nested:
                    Collect(nested, path + ".", columns, keys);
                    break;
                case bool descending when columns.TryGetValue(path, out var column):
                    keys.Add(new SortKey(column, descending));
                    break;
                default:
                    throw new ExecutionError($"Sorting by `{path}` is not available on this list.") { Code = "INVALID_SORT" };
            }
        }
    }
}

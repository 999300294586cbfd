using System.Collections;
using GraphQL;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>
/// Compiles a <c>where</c> argument into one SQL condition with parameters, so that filtering runs in
/// PostgreSQL. Paths the list does not map are refused with a clear error, never ignored.
/// </summary>
public static class FilterCompiler
{
    public static DocumentQuery Filter(this DocumentQuery query, object? where, IReadOnlyDictionary<string, FilterTarget> targets)
    {
        if (where is IDictionary<string, object?> input && Compile(query, input, "", targets) is var condition && condition != "true")
        {
            query.Where(condition);
        }

        return query;
    }

    private static string Compile(DocumentQuery query, IDictionary<string, object?> input, string prefix, IReadOnlyDictionary<string, FilterTarget> targets)
    {
        var parts = new List<string>();
        foreach (var (name, value) in input)
        {
            if (value is null)
            {
                continue;
            }

            var path = prefix + name;
            parts.Add(name switch
            {
                "and" => Combine(Items(value).Select(i => Compile(query, i, prefix, targets)), " and ", "true"),
                "or" => Combine(Items(value).Select(i => Compile(query, i, prefix, targets)), " or ", "false"),
                _ when targets.TryGetValue(path, out var target) => target switch
                {
                    ScalarFilter scalar => Operations(query, Object(value, path), scalar.Column, path),
                    ListFilter list => List(query, Object(value, path), list, path),
                    _ => throw new InvalidOperationException($"Unknown filter target {target}."),
                },
                _ when targets.Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal)) => Compile(query, Object(value, path), path + ".", targets),
                _ => throw Invalid($"Filtering by `{path}` is not available on this list."),
            });
        }

        return Combine(parts, " and ", "true");
    }

    private static string List(DocumentQuery query, IDictionary<string, object?> input, ListFilter list, string path)
    {
        var parts = new List<string>();
        foreach (var (op, value) in input)
        {
            if (value is null)
            {
                continue;
            }

            var items = $"select 1 from {list.Table} where {list.Correlation}";
            string Inner() => Compile(query, Object(value, path + "." + op), "", list.Items);
            parts.Add(op switch
            {
                "some" => $"exists ({items} and ({Inner()}))",
                "none" => $"not exists ({items} and ({Inner()}))",
                "all" => $"not exists ({items} and not coalesce(({Inner()}), false))",
                "any" when value is bool any => any ? $"exists ({items})" : $"not exists ({items})",
                _ => throw Invalid($"`{op}` is not a list condition on `{path}`."),
            });
        }

        return Combine(parts, " and ", "true");
    }

    private static string Operations(DocumentQuery query, IDictionary<string, object?> input, SqlColumn column, string path)
    {
        var parts = new List<string>();
        var c = column.Expression;
        foreach (var (op, value) in input)
        {
            string P(object? v) => query.Parameter(Convert(v, column, path), column.SqlType);
            string Many() => query.Parameter(ConvertMany(value, column, path), column.SqlType + "[]");
            string Like(string pattern) => query.Parameter(pattern, "text");
            var text = value as string;
            parts.Add(op switch
            {
                "and" => Combine(Items(value).Select(i => Operations(query, i, column, path)), " and ", "true"),
                "or" => Combine(Items(value).Select(i => Operations(query, i, column, path)), " or ", "false"),
                "eq" => value is null ? $"{c} is null" : $"{c} = {P(value)}",
                "neq" => value is null ? $"{c} is not null" : $"{c} is distinct from {P(value)}",
                "in" => $"{c} = any({Many()})",
                "nin" => $"not coalesce({c} = any({Many()}), false)",
                "gt" => $"{c} > {P(value)}",
                "ngt" => $"not coalesce({c} > {P(value)}, false)",
                "gte" => $"{c} >= {P(value)}",
                "ngte" => $"not coalesce({c} >= {P(value)}, false)",
                "lt" => $"{c} < {P(value)}",
                "nlt" => $"not coalesce({c} < {P(value)}, false)",
                "lte" => $"{c} <= {P(value)}",
                "nlte" => $"not coalesce({c} <= {P(value)}, false)",
                "contains" when text is not null => $"{c} like {Like("%" + EscapeLike(text) + "%")}",
                "ncontains" when text is not null => $"not coalesce({c} like {Like("%" + EscapeLike(text) + "%")}, false)",
                "startsWith" when text is not null => $"{c} like {Like(EscapeLike(text) + "%")}",
                "nstartsWith" when text is not null => $"not coalesce({c} like {Like(EscapeLike(text) + "%")}, false)",
                "endsWith" when text is not null => $"{c} like {Like("%" + EscapeLike(text))}",
                "nendsWith" when text is not null => $"not coalesce({c} like {Like("%" + EscapeLike(text))}, false)",
                _ => throw Invalid($"`{op}` needs a value on `{path}`."),
            });
        }

        return Combine(parts, " and ", "true");
    }

    private static object? Convert(object? value, SqlColumn column, string path) => (column.SqlType, value) switch
    {
        (_, null) => throw Invalid($"A null value is only allowed with `eq` and `neq` on `{path}`."),
        ("int", int i) => i,
        ("boolean", bool b) => b,
        ("timestamptz", DateTimeOffset t) => t.ToUniversalTime(),
        ("timestamptz", DateTime t) => new DateTimeOffset(t.ToUniversalTime()),
        ("text", Enum e) => e.ToString(),
        ("text", string s) => s,
        _ => throw Invalid($"The value {value} does not fit `{path}`."),
    };

    private static Array ConvertMany(object? values, SqlColumn column, string path)
    {
        var converted = (values as IEnumerable ?? throw Invalid($"`in` and `nin` need a list on `{path}`.")).Cast<object?>().Select(v => Convert(v, column, path)).ToList();
        return column.SqlType switch
        {
            "int" => converted.Cast<int>().ToArray(),
            "boolean" => converted.Cast<bool>().ToArray(),
            "timestamptz" => converted.Cast<DateTimeOffset>().ToArray(),
            _ => converted.Cast<string>().ToArray(),
        };
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) => (value as IEnumerable)?.OfType<IDictionary<string, object?>>() ?? [];

    private static IDictionary<string, object?> Object(object? value, string path) =>
        value as IDictionary<string, object?> ?? throw Invalid($"`{path}` needs an object of conditions.");

    private static string Combine(IEnumerable<string> parts, string separator, string empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? empty : "(" + string.Join(separator, list) + ")";
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = "INVALID_FILTER" };
}

using System.Collections;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>
/// Compiles a <c>where</c> argument into one SQL condition with parameters, over an <see cref="Entity"/>: every path
/// its filter input offers compiles, from any list that reaches it. A related row is an <c>exists</c> subquery on its
/// table, unless every path used is one the outer document carries itself (a shortcut); a list of related rows is
/// <c>some</c>/<c>all</c>/<c>none</c>/<c>any</c>/<c>count</c> over a correlated subquery.
/// </summary>
public sealed class FilterCompiler(ViewQuery query)
{
    public const string InvalidFilter = "INVALID_FILTER";

    /// <summary>The number of items of a related list, compared like any number.</summary>
    private static readonly ValueMember ItemCount = new("count", "The number of items.", ValueKind.Number, sql => sql, ValueUse.Filter, false, null, null);

    private int _aliases;

    /// <summary>Adds the condition of <paramref name="where"/> on <paramref name="entity"/> (its rows named <paramref name="source"/>) to the query.</summary>
    public static ViewQuery Filter(ViewQuery query, Entity entity, string source, object? where)
    {
        if (where is IDictionary<string, object?> input
            && new FilterCompiler(query).Object(new Scope(entity, source), input) is var condition
            && condition != "true")
        {
            query.Where(condition);
        }

        return query;
    }

    private string Object(Scope scope, IDictionary<string, object?> input)
    {
        var parts = new List<string>();
        foreach (var (name, value) in input)
        {
            if (value is null)
            {
                continue;
            }

            parts.Add(name switch
            {
                FilterOperators.And => FilterOperators.Combine(Items(value).Select(i => Object(scope, i)), " and ", "true"),
                FilterOperators.Or => FilterOperators.Combine(Items(value).Select(i => Object(scope, i)), " or ", "false"),
                _ => scope.Entity.Find(name) switch
                {
                    ValueMember v when v.Use.HasFlag(ValueUse.Filter) => Operations(Conditions(value, scope.Path(name)), v, scope.Value(v), scope.Path(name)),
                    OneMember { Relation: Embedded embedded } one => Object(scope.Embedded(one, embedded), Conditions(value, scope.Path(name))),
                    OneMember { Relation: Lookup lookup } one => Related(scope, one, lookup, Conditions(value, scope.Path(name))),
                    ManyMember many => List(scope, many, Conditions(value, scope.Path(name))),
                    _ => throw Entity.Invalid(InvalidFilter, $"Filtering by `{scope.Path(name)}` is not available on this list."),
                },
            });
        }

        return FilterOperators.Combine(parts, " and ", "true");
    }

    private string Related(Scope scope, OneMember one, Lookup lookup, IDictionary<string, object?> input)
    {
        var target = one.Target();
        var alias = NextAlias();
        var inner = scope.Lookup(one, target, alias, lookup);
        var condition = Object(inner, input);
        return !inner.Used
            ? condition
            : $"exists (select 1 from {target.Table} {alias} where {lookup.Correlation(scope.Source(), alias)} and {target.ScopeOf(alias)} and ({condition}))";
    }

    private string List(Scope scope, ManyMember many, IDictionary<string, object?> input)
    {
        var target = many.Target();
        var parts = new List<string>();
        foreach (var (op, value) in input)
        {
            if (value is null)
            {
                continue;
            }

            var alias = NextAlias();
            var items = $"select 1 from {target.Table} {alias} where {many.Correlation(scope.Source(), alias)} and {target.ScopeOf(alias)}";
            string Inner() => Object(new Scope(target, alias, path: scope.Path(many.Name) + "." + op), Conditions(value, scope.Path(many.Name) + "." + op));
            parts.Add(op switch
            {
                "some" => $"exists ({items} and ({Inner()}))",
                "none" => $"not exists ({items} and ({Inner()}))",
                "all" => $"not exists ({items} and not coalesce(({Inner()}), false))",
                "any" when value is bool any => any ? $"exists ({items})" : $"not exists ({items})",
                "count" => Operations(
                    Conditions(value, scope.Path(many.Name) + ".count"),
                    ItemCount,
                    $"(select count(*)::int from {target.Table} {alias} where {many.Correlation(scope.Source(), alias)} and {target.ScopeOf(alias)})",
                    scope.Path(many.Name) + ".count"),
                _ => throw Entity.Invalid(InvalidFilter, $"`{op}` is not a list condition on `{scope.Path(many.Name)}`."),
            });
        }

        return FilterOperators.Combine(parts, " and ", "true");
    }

    private string Operations(IDictionary<string, object?> input, ValueMember member, string sql, string path)
    {
        var parts = new List<string>();
        var column = member.Compared(sql);
        foreach (var (name, value) in input)
        {
            var op = FilterOperators.Find(name) is { } found && found.Kinds.Contains(member.Kind)
                ? found
                : throw Entity.Invalid(InvalidFilter, $"`{name}` is not a condition on `{path}`.");
            if (op.Operand == Operand.Text && value is not string)
            {
                throw Entity.Invalid(InvalidFilter, $"`{name}` needs a value on `{path}`.");
            }

            parts.Add(op.Sql(new FilterOperand(
                column.Expression,
                value is null,
                () => query.Parameter(Convert(value, column, path), column.SqlType),
                () => query.Parameter(ConvertMany(value, column, path), column.SqlType + "[]"),
                (prefix, suffix) => query.Parameter(prefix + EscapeLike((string)value!) + suffix, "text"),
                () => query.Parameter(value, "text"),
                () => Items(value).Select(i => Operations(i, member, sql, path)))));
        }

        return FilterOperators.Combine(parts, " and ", "true");
    }

    private string NextAlias() => $"f{++_aliases}";

    private static object? Convert(object? value, SqlColumn column, string path) => (column.SqlType, value) switch
    {
        (_, null) => throw Entity.Invalid(InvalidFilter, $"A null value is only allowed with `eq` and `neq` on `{path}`."),
        ("int", int i) => i,
        ("boolean", bool b) => b,
        ("timestamptz", DateTimeOffset t) => t.ToUniversalTime(),
        ("timestamptz", DateTime t) => new DateTimeOffset(t.ToUniversalTime()),
        ("text", Enum e) => e.ToString(),
        ("text", string s) => s,
        _ => throw Entity.Invalid(InvalidFilter, $"The value {value} does not fit `{path}`."),
    };

    private static Array ConvertMany(object? values, SqlColumn column, string path)
    {
        var converted = (values as IEnumerable ?? throw Entity.Invalid(InvalidFilter, $"`in` and `nin` need a list on `{path}`."))
            .Cast<object?>()
            .Select(v => Convert(v, column, path))
            .ToList();
        return column.SqlType switch
        {
            "int" => converted.Cast<int>().ToArray(),
            "boolean" => converted.Cast<bool>().ToArray(),
            "timestamptz" => converted.Cast<DateTimeOffset>().ToArray(),
            _ => converted.Cast<string>().ToArray(),
        };
    }

    private static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);

    private static IEnumerable<IDictionary<string, object?>> Items(object? value) => (value as IEnumerable)?.OfType<IDictionary<string, object?>>() ?? [];

    private static IDictionary<string, object?> Conditions(object? value, string path) =>
        value as IDictionary<string, object?> ?? throw Entity.Invalid(InvalidFilter, $"`{path}` needs an object of conditions.");
}

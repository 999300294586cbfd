using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>
/// Every condition a value can be tested with, declared once: HotChocolate's operations and Kvk's case-insensitive
/// ones, each with the kinds it applies to, its description and its SQL.
/// </summary>
public static class FilterOperators
{
    public const string And = "and";
    public const string Or = "or";
    public const string Eq = "eq";
    public const string In = "in";

    private static readonly Lazy<IReadOnlyList<FilterOperator>> Declared = new(Declare);

    /// <summary>In the order the operation inputs list them.</summary>
    public static IReadOnlyList<FilterOperator> All => Declared.Value;

    public static FilterOperator? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    /// <summary>Text as the case-insensitive operations compare it: composed the same way, lower-cased by Swedish rules.</summary>
    public static string Folded(string sql) => $"lower(normalize({sql}, NFC) collate {SqlColumn.SwedishCollation})";

    /// <summary>Joins conditions: in parentheses, or <paramref name="empty"/> when there are none.</summary>
    public static string Combine(IEnumerable<string> parts, string separator, string empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? empty : "(" + string.Join(separator, list) + ")";
    }

    private static IReadOnlyList<FilterOperator> Declare()
    {
        // A boolean is only ever equal or not; no list of the kinds below has an order but numbers and moments.
        HashSet<ValueKind> every = [.. Enum.GetValues<ValueKind>()];
        HashSet<ValueKind> listed = [ValueKind.Number, ValueKind.Text, ValueKind.Timestamp, ValueKind.Enum];
        HashSet<ValueKind> texts = [ValueKind.Text];
        HashSet<ValueKind> ordered = [ValueKind.Number, ValueKind.Timestamp];

        var contains = Of("contains", texts, Operand.Text, "Contains the text (case-sensitive).", o => $"{o.Column} like {o.Pattern("%", "%")}");
        var startsWith = Of("startsWith", texts, Operand.Text, "Starts with the text (case-sensitive).", o => $"{o.Column} like {o.Pattern("", "%")}");
        var endsWith = Of("endsWith", texts, Operand.Text, "Ends with the text (case-sensitive).", o => $"{o.Column} like {o.Pattern("%", "")}");
        var gt = Of("gt", ordered, Operand.Value, "Greater than the value.", o => $"{o.Column} > {o.Value()}");
        var gte = Of("gte", ordered, Operand.Value, "Greater than or equal to the value.", o => $"{o.Column} >= {o.Value()}");
        var lt = Of("lt", ordered, Operand.Value, "Less than the value.", o => $"{o.Column} < {o.Value()}");
        var lte = Of("lte", ordered, Operand.Value, "Less than or equal to the value.", o => $"{o.Column} <= {o.Value()}");
        return
        [
            Of(And, listed, Operand.Conditions, "All of these conditions must hold.", o => Combine(o.Conditions(), " and ", "true")),
            Of(Or, listed, Operand.Conditions, "At least one of these conditions must hold.", o => Combine(o.Conditions(), " or ", "false")),
            new(Eq, every, Operand.Value, NullMeans("Equal to the value", "the value is missing"),
                o => o.IsNull ? $"{o.Column} is null" : $"{o.Column} = {o.Value()}"),
            new("neq", every, Operand.Value, NullMeans("Not equal to the value", "the value is present"),
                o => o.IsNull ? $"{o.Column} is not null" : $"{o.Column} is distinct from {o.Value()}"),
            Of(In, listed, Operand.Values, "Equal to one of the values.", o => $"{o.Column} = any({o.Values()})"),
            Of("nin", listed, Operand.Values, "Equal to none of the values.", o => $"not coalesce({o.Column} = any({o.Values()}), false)"),
            contains,
            Not("ncontains", contains, "Does not contain the text (case-sensitive)."),
            startsWith,
            Not("nstartsWith", startsWith, "Does not start with the text (case-sensitive)."),
            endsWith,
            Not("nendsWith", endsWith, "Does not end with the text (case-sensitive)."),
            Of("eqIgnoreCase", texts, Operand.Text, IgnoreCase("Equal to the text"), o => $"{Folded(o.Column)} = {Folded(o.Text())}"),
            Of("containsIgnoreCase", texts, Operand.Text, IgnoreCase("Contains the text"), o => $"strpos({Folded(o.Column)}, {Folded(o.Text())}) > 0"),
            Of("startsWithIgnoreCase", texts, Operand.Text, IgnoreCase("Starts with the text"), o => $"starts_with({Folded(o.Column)}, {Folded(o.Text())})"),
            gt,
            Not("ngt", gt, "Not greater than the value."),
            gte,
            Not("ngte", gte, "Not greater than or equal to the value."),
            lt,
            Not("nlt", lt, "Not less than the value."),
            lte,
            Not("nlte", lte, "Not less than or equal to the value."),
        ];
    }

    private static FilterOperator Of(string name, IReadOnlySet<ValueKind> kinds, Operand operand, string description, Func<FilterOperand, string> sql) =>
        new(name, kinds, operand, _ => description, sql);

    /// <summary>The negation of <paramref name="of"/>: true also where the value is missing (SQL's unknown counts as not).</summary>
    private static FilterOperator Not(string name, FilterOperator of, string description) =>
        of with { Name = name, Describe = _ => description, Sql = o => $"not coalesce({of.Sql(o)}, false)" };

    /// <summary>The inputs of numbers, texts and moments say what a null operand means; the boolean and enum inputs were published without it.</summary>
    private static Func<ValueKind, string> NullMeans(string what, string whenNull) =>
        kind => kind is ValueKind.Boolean or ValueKind.Enum ? $"{what}." : $"{what} (null: {whenNull}).";

    private static string IgnoreCase(string what) =>
        $"{what}, in any case by Swedish rules (\"skåne\" finds \"Skåne\", \"ÖREBRO\" finds \"Örebro\"); å, ä and ö stay letters of their own, " +
        "so \"skane\" does not. Kvk's extension of HotChocolate's operations.";
}

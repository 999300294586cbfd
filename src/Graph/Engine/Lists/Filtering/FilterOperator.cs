namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>What a condition is given: one value of its kind, a list of them, a text, or a list of conditions of its own input.</summary>
public enum Operand
{
    Value,
    Values,
    Text,
    Conditions,
}

/// <summary>
/// One condition of an operation filter input (<c>eq</c>, <c>startsWith</c>, …): its name, the kinds of value it
/// applies to, its description by kind and its SQL. <see cref="FilterOperators.All"/> lists them; the operation inputs
/// offer exactly these and the compiler compiles exactly these.
/// </summary>
public sealed record FilterOperator(
    string Name,
    IReadOnlySet<ValueKind> Kinds,
    Operand Operand,
    Func<ValueKind, string> Describe,
    Func<FilterOperand, string> Sql);

/// <summary>What a condition's SQL is made of: the value's SQL, and its operand as parameters of the statement.</summary>
/// <param name="Column">The value's SQL.</param>
/// <param name="IsNull">Whether the operand is null (only <c>eq</c> and <c>neq</c> accept it).</param>
/// <param name="Value">The operand, a parameter of the value's SQL type.</param>
/// <param name="Values">The operand, a list, as an array parameter of the value's SQL type.</param>
/// <param name="Pattern">The text operand escaped for <c>like</c> between a prefix and a suffix (e.g. "%"), as a parameter.</param>
/// <param name="Text">The text operand as is, as a parameter.</param>
/// <param name="Conditions">The SQL of each condition of a list of conditions (<c>and</c>, <c>or</c>).</param>
public sealed record FilterOperand(
    string Column,
    bool IsNull,
    Func<string> Value,
    Func<string> Values,
    Func<string, string, string> Pattern,
    Func<string> Text,
    Func<IEnumerable<string>> Conditions);

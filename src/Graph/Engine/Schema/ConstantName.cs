using GraphQL;

namespace Kvk.Graph.Engine.Schema;

/// <summary>
/// The one spelling of a C# name or a value's path as a GraphQL constant (<c>UPPER_SNAKE</c>): enum values, error
/// codes, group names. It is GraphQL.NET's own constant case, the one its enum graph types give their values, so a code
/// written here and an enum value the schema serves cannot be spelled two ways.
/// </summary>
public static class ConstantName
{
    /// <summary><c>RoundNotFound</c> → <c>ROUND_NOT_FOUND</c>; <c>municipality.county</c> → <c>MUNICIPALITY_COUNTY</c>.</summary>
    public static string Of(string name) => string.Join('_', name.Split('.').Select(part => part.ToConstantCase()));

    /// <summary>An enum member as its GraphQL enum value is named, e.g. <c>NomineesKnown.WinnerOnly</c> → <c>WINNER_ONLY</c>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Of(value.ToString());

    /// <summary>Back to a type name's case: <c>ROUND_NOT_FOUND</c> → <c>RoundNotFound</c>.</summary>
    public static string ToPascalCase(string constant) =>
        string.Concat(constant.Split('_').Select(word => word[0] + word[1..].ToLowerInvariant()));
}

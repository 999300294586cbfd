using System.Globalization;
using System.Text.Json;
using Kvk.Graph.Engine.Lists;

namespace Kvk.Graph.Spreadsheets;

/// <summary>A spreadsheet request a client got wrong: answered 400 with this message.</summary>
public sealed class SpreadsheetRequestException(string message) : Exception(message);

/// <summary>
/// A list's <c>where</c> and <c>order</c> written as JSON, exactly as the GraphQL list takes them, read into the values
/// the list's compilers take (as GraphQL would give them): checked against the list's declaration, so that a name
/// the list does not have is an error that names it.
/// </summary>
public static class ListArguments
{
    private static readonly HashSet<string> ListConditions = ["some", "all", "none"];

    public static IDictionary<string, object?> Where(JsonElement json, Entity entity, string path = "where")
    {
        var conditions = Object(json, path);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in conditions.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            result[property.Name] = property.Name is "and" or "or"
                ? Array(property.Value, at).Select((item, i) => (object?)Where(item, entity, $"{at}[{i}]")).ToList()
                : entity.Find(property.Name) switch
                {
                    ValueMember value => Operations(property.Value, value.Kind, value.EnumType, at),
                    OneMember one => Where(property.Value, one.Target(), at),
                    ManyMember many => List(property.Value, many.Target(), at),
                    _ => throw new SpreadsheetRequestException($"`{at}`: {Article(entity.Name)} has no `{property.Name}` to filter by."),
                };
        }

        return result;
    }

    public static List<object?> Order(JsonElement json, Entity entity, string path = "order") =>
        [.. (json.ValueKind == JsonValueKind.Object ? [json] : Array(json, path).ToList()).Select((item, i) => (object?)Sort(item, entity, $"{path}[{i}]"))];

    /// <summary>One value of a path, as an equality condition: "12" on "municipality.county.code".</summary>
    public static IDictionary<string, object?> Equality(Entity entity, string path, string text)
    {
        var names = path.Split('.');
        for (var i = 0; i < names.Length - 1; i++)
        {
            entity = (entity.Find(names[i]) as OneMember)?.Target() ?? throw Unknown(path);
        }

        var value = entity.Find(names[^1]) as ValueMember ?? throw Unknown(path);
        object? condition = new Dictionary<string, object?> { ["eq"] = Scalar(JsonSerializer.SerializeToElement(text), value.Kind, value.EnumType, path, fromText: true) };
        for (var i = names.Length - 1; i >= 0; i--)
        {
            condition = new Dictionary<string, object?>(StringComparer.Ordinal) { [names[i]] = condition };
        }

        return (IDictionary<string, object?>)condition!;
    }

    private static SpreadsheetRequestException Unknown(string name) => new($"Unknown parameter `{name}`.");

    private static Dictionary<string, object?> Sort(JsonElement json, Entity entity, string path)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Object(json, path).EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            result[property.Name] = entity.Find(property.Name) switch
            {
                ValueMember => property.Value.GetString() switch
                {
                    "ASC" => false,
                    "DESC" => true,
                    _ => throw new SpreadsheetRequestException($"`{at}` is ASC or DESC."),
                },
                OneMember one => Sort(property.Value, one.Target(), at),
                _ => throw new SpreadsheetRequestException($"`{at}`: {Article(entity.Name)} has no `{property.Name}` to sort by."),
            };
        }

        return result;
    }

    private static Dictionary<string, object?> List(JsonElement json, Entity item, string path)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Object(json, path).EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            result[property.Name] = property.Name switch
            {
                _ when ListConditions.Contains(property.Name) => Where(property.Value, item, at),
                "any" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? property.Value.GetBoolean() : throw new SpreadsheetRequestException($"`{at}` is true or false."),
                "count" => Operations(property.Value, ValueKind.Number, null, at),
                _ => throw new SpreadsheetRequestException($"`{at}`: a list condition is some, all, none, any or count."),
            };
        }

        return result;
    }

    private static readonly HashSet<string> Operators =
    [
        "eq", "neq", "in", "nin", "gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte",
        "contains", "ncontains", "startsWith", "nstartsWith", "endsWith", "nendsWith", "eqIgnoreCase", "containsIgnoreCase", "startsWithIgnoreCase",
    ];

    private static Dictionary<string, object?> Operations(JsonElement json, ValueKind kind, EnumOrder? enumType, string path)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in Object(json, path).EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            result[property.Name] = property.Name switch
            {
                "and" or "or" => Array(property.Value, at).Select((item, i) => (object?)Operations(item, kind, enumType, $"{at}[{i}]")).ToList(),
                "in" or "nin" => Array(property.Value, at).Select(item => Scalar(item, kind, enumType, at)).ToList(),
                _ when Operators.Contains(property.Name) => Scalar(property.Value, kind, enumType, at),
                _ => throw new SpreadsheetRequestException($"`{at}`: `{property.Name}` is not an operation of the filter."),
            };
        }

        return result;
    }

    private static object? Scalar(JsonElement json, ValueKind kind, EnumOrder? enumType, string path, bool fromText = false)
    {
        try
        {
            return (kind, json.ValueKind) switch
            {
                (_, JsonValueKind.Null) => null,
                (ValueKind.Number, JsonValueKind.Number) => json.GetInt32(),
                (ValueKind.Number, JsonValueKind.String) when fromText => int.Parse(json.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture),
                (ValueKind.Boolean, JsonValueKind.True or JsonValueKind.False) => json.GetBoolean(),
                (ValueKind.Boolean, JsonValueKind.String) when fromText => bool.Parse(json.GetString()!),
                (ValueKind.Timestamp, JsonValueKind.String) => DateTimeOffset.Parse(json.GetString()!, CultureInfo.InvariantCulture),
                (ValueKind.Enum, JsonValueKind.String) => enumType!.StoredValues.Single(v => string.Equals(v, json.GetString()!.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)),
                (ValueKind.Text, JsonValueKind.String) => json.GetString(),
                _ => throw new FormatException(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            var expected = kind switch
            {
                ValueKind.Number => "a whole number",
                ValueKind.Boolean => "true or false",
                ValueKind.Timestamp => "a date and time such as \"2027-03-02T09:00:00Z\"",
                ValueKind.Enum => "one of " + string.Join(", ", enumType!.StoredValues.Select(v => v.ToUpperInvariant())),
                _ => "a text",
            };
            throw new SpreadsheetRequestException($"`{path}` takes {expected}.");
        }
    }

    private static JsonElement Object(JsonElement json, string path) =>
        json.ValueKind == JsonValueKind.Object ? json : throw new SpreadsheetRequestException($"`{path}` takes an object of conditions.");

    private static JsonElement.ArrayEnumerator Array(JsonElement json, string path) =>
        json.ValueKind == JsonValueKind.Array ? json.EnumerateArray() : throw new SpreadsheetRequestException($"`{path}` takes a list.");

    private static string Article(string name) => ("AEIOUÅÄÖ".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
}

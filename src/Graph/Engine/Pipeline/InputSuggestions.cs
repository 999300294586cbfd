using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The names an unknown input field or enum value was probably meant to be, worded as GraphQL.NET words them for an
/// unknown output field (<c>Did you mean 'year' or 'yearFrom'?</c>): in the document's literals
/// (<see cref="InputSuggestionsRule"/>) and in variables, whose error names the input type.
/// </summary>
public static partial class InputSuggestions
{
    /// <summary>Adds to <paramref name="names"/> what each unknown field or enum value in <paramref name="value"/> may have meant.</summary>
    public static void Collect(GraphQLValue value, IGraphType type, List<string> names)
    {
        switch (value, type)
        {
            case (_, NonNullGraphType nonNull) when nonNull.ResolvedType is { } inner:
                Collect(value, inner, names);
                break;
            case (GraphQLListValue list, ListGraphType { ResolvedType: { } item }):
                foreach (var element in list.Values ?? [])
                {
                    Collect(element, item, names);
                }

                break;
            case (_, ListGraphType { ResolvedType: { } item }):
                // A single value where a list is expected is a list of one.
                Collect(value, item, names);
                break;
            case (GraphQLObjectValue obj, IInputObjectGraphType input):
                foreach (var field in obj.Fields ?? [])
                {
                    var name = field.Name.StringValue;
                    if (input.GetField(name) is { ResolvedType: { } fieldType })
                    {
                        Collect(field.Value, fieldType, names);
                    }
                    else
                    {
                        names.AddRange(StringUtils.SuggestionList(name, input.Fields.Select(f => f.Name)));
                    }
                }

                break;
            case (GraphQLEnumValue enumValue, EnumerationGraphType enumeration) when enumeration.Values.FindByName(enumValue.Name.StringValue) is null:
                names.AddRange(StringUtils.SuggestionList(enumValue.Name.StringValue, enumeration.Values.Select(v => v.Name)));
                break;
        }
    }

    /// <summary>The message with the suggestion after it, as GraphQL.NET ends an unknown output field's.</summary>
    public static string Suggested(string message, IEnumerable<string> names) =>
        names.Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } distinct ? $"{message} Did you mean {StringUtils.QuotedOrList(distinct)}?" : message;

    private const string Remembered = "kvk.inputSuggestions";

    /// <summary>Keeps, for after execution, what the argument at <paramref name="at"/> (line, column) may have meant.</summary>
    public static void Remember(IDictionary<string, object?> userContext, (int Line, int Column) at, List<string> names)
    {
        if (userContext.TryGetValue(Remembered, out var kept) && kept is Dictionary<(int, int), List<string>> byArgument)
        {
            byArgument[at] = names;
        }
        else
        {
            userContext[Remembered] = new Dictionary<(int, int), List<string>> { [at] = names };
        }
    }

    /// <summary>
    /// The result with the suggestions in its errors: an invalid argument's (by its location, as the rule remembered
    /// them), and a variable's unknown input fields (GraphQL.NET names their type).
    /// </summary>
    public static ExecutionResult Apply(ExecutionResult result, IDictionary<string, object?> userContext, ISchema schema)
    {
        var byArgument = userContext.TryGetValue(Remembered, out var kept) ? kept as Dictionary<(int, int), List<string>> : null;
        return ErrorPolicy.Reworded(result, error =>
        {
            var names = error.Code == "ARGUMENTS_OF_CORRECT_TYPE" && byArgument is not null
                ? error.Locations?.SelectMany(l => byArgument.GetValueOrDefault((l.Line, l.Column)) ?? []) ?? []
                : UnknownFields().Match(error.Message) is { Success: true } match && schema.AllTypes[match.Groups["type"].Value] is IInputObjectGraphType input
                    ? match.Groups["fields"].Value.Split(", ").SelectMany(f => StringUtils.SuggestionList(f.Trim('\''), input.Fields.Select(x => x.Name)))
                    : [];
            var suggested = Suggested(error.Message, names);
            return suggested == error.Message ? null : suggested;
        });
    }

    [GeneratedRegex("Unrecognized input fields (?<fields>'[^']*'(?:, '[^']*')*) for type '(?<type>[^']+)'\\.$")]
    private static partial Regex UnknownFields();
}

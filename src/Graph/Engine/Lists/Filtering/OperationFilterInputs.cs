using GraphQL.Types;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>HotChocolate's operation inputs, the conditions one value can be tested with: made from <see cref="FilterOperators"/>.</summary>
public static class OperationFilterInputs
{
    /// <summary>The inputs of the scalar kinds, one each.</summary>
    public static IEnumerable<InputObjectGraphType> Scalars() =>
    [
        Create(ValueKind.Text, "String", "a text"),
        Create(ValueKind.Number, "Int", "a whole number"),
        Create(ValueKind.Timestamp, "DateTime", "a date and time"),
        Create(ValueKind.Boolean, "Boolean", "a true/false value"),
    ];

    /// <summary>The input of an enum's values.</summary>
    public static InputObjectGraphType Of(EnumOrder type) => Create(ValueKind.Enum, type.GraphTypeName, $"a {type.GraphTypeName} value");

    public static string NameOf(string valueType) => $"{valueType}OperationFilterInput";

    private static InputObjectGraphType Create(ValueKind kind, string valueType, string what)
    {
        var input = new InputObjectGraphType { Name = NameOf(valueType), Description = $"Conditions on {what}." };
        var value = new GraphQLTypeReference(valueType);
        foreach (var op in FilterOperators.All.Where(o => o.Kinds.Contains(kind)))
        {
            IGraphType type = op.Operand switch
            {
                Operand.Values => new ListGraphType(value),
                Operand.Conditions => new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(input.Name))),
                _ => value,
            };
            input.AddField(new FieldType { Name = op.Name, Description = op.Describe(kind), ResolvedType = type });
        }

        return input;
    }
}

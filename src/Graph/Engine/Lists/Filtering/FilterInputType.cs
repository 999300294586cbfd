using GraphQL.Types;

namespace Kvk.Graph.Engine.Lists.Filtering;

/// <summary>A field of a filter input: its name, what it filters, and the input type of its condition.</summary>
public sealed record FilterField(string Name, string Description, Type Type);

/// <summary>
/// A HotChocolate-shaped filter input: <c>and</c>, <c>or</c> and one condition per field. The type
/// describes the shape only; each list field maps the paths it supports to SQL (see <see cref="FilterCompiler"/>).
/// </summary>
public abstract class FilterInputType : InputObjectGraphType
{
    protected FilterInputType(string name, string description, Type self, params FilterField[] fields)
    {
        Name = name;
        Description = description;
        var list = typeof(ListGraphType<>).MakeGenericType(typeof(NonNullGraphType<>).MakeGenericType(self));
        AddField(new FieldType { Name = "and", Description = "All of these conditions must hold.", Type = list });
        AddField(new FieldType { Name = "or", Description = "At least one of these conditions must hold.", Type = list });
        foreach (var field in fields)
        {
            AddField(new FieldType { Name = field.Name, Description = field.Description, Type = field.Type });
        }
    }
}

/// <summary>HotChocolate's list filter: <c>some</c>, <c>all</c>, <c>none</c> of the items match, or <c>any</c> item exists.</summary>
public abstract class ListFilterInputType<TItemFilter> : InputObjectGraphType
    where TItemFilter : IGraphType
{
    protected ListFilterInputType(string itemName)
    {
        Name = $"ListFilterInputTypeOf{itemName}FilterInput";
        Description = $"Conditions on a list of {itemName} items.";
        Field<TItemFilter>("all").Description("Every item matches (true for an empty list).");
        Field<TItemFilter>("none").Description("No item matches.");
        Field<TItemFilter>("some").Description("At least one item matches.");
        Field<BooleanGraphType>("any").Description("True: the list has items; false: the list is empty.");
    }
}

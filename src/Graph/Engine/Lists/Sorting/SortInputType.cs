using GraphQL.Types;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Lists.Sorting;

/// <summary>A field of a sort input: a direction, or (with <c>Nested</c>) the sort input of a related object.</summary>
public sealed record SortField(string Name, string Description, Type? Nested = null);

/// <summary>
/// A HotChocolate-shaped sort input (<c>{ year: DESC }</c>, <c>{ municipality: { name: ASC } }</c>).
/// The type describes the shape only; each list field maps the paths it supports to SQL (see <see cref="SortOrder"/>).
/// </summary>
public abstract class SortInputType : InputObjectGraphType
{
    protected SortInputType(string name, string description, params SortField[] fields)
    {
        Name = name;
        Description = description;
        foreach (var field in fields)
        {
            AddField(new FieldType
            {
                Name = field.Name,
                Description = field.Description,
                Type = field.Nested ?? typeof(SortEnumType),
            });
        }
    }
}

using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Paging;

namespace Kvk.Graph.Engine.Lists;

/// <summary>
/// The input and output types of the declared lists, made from their entities and registered with the schema:
/// per entity its filter input, its sort input and (when a list of it can be filtered) its list filter input; per
/// enum its operation filter input; per list root its connection and edge types. Nothing is written by hand twice.
/// </summary>
public static class ListTypes
{
    public static void Register(ISchema schema, IEnumerable<ListRoot> roots)
    {
        // Named by the generated types rather than reached through typed fields.
        foreach (var type in new[] { typeof(PageInfoType), typeof(Schema.SortEnumType), typeof(Schema.DateTimeType) })
        {
            schema.RegisterType(type);
        }

        foreach (var input in OperationFilterInputs.Scalars())
        {
            schema.RegisterType(input);
        }

        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            Collect(root.Entity, entities);
            var (connection, edge) = ConnectionTypes.Create(root.ListTypeName, root.Entity.Name, root.Items);
            schema.RegisterType(connection);
            schema.RegisterType(edge);
        }

        var listed = entities.Values.SelectMany(e => e.Members.OfType<ManyMember>()).Select(m => m.Target().Name).ToHashSet(StringComparer.Ordinal);
        var enums = new Dictionary<string, EnumOrder>(StringComparer.Ordinal);
        foreach (var entity in entities.Values)
        {
            if (entity.HasFilters)
            {
                schema.RegisterType(FilterInput(entity));
            }

            if (entity.HasSorts)
            {
                schema.RegisterType(SortInput(entity));
            }

            if (listed.Contains(entity.Name))
            {
                schema.RegisterType(ListFilterInput(entity));
            }

            foreach (var value in entity.Members.OfType<ValueMember>().Where(v => v.EnumType is not null))
            {
                enums[value.EnumType!.GraphTypeName] = value.EnumType;
            }
        }

        foreach (var type in enums.Values)
        {
            schema.RegisterType(type.GraphType);
            schema.RegisterType(OperationFilterInputs.Of(type));
        }

        Aggregates.ListAggregate.Register(schema, roots);
    }

    private static void Collect(Entity entity, Dictionary<string, Entity> entities)
    {
        if (!entities.TryAdd(entity.Name, entity))
        {
            return;
        }

        foreach (var member in entity.Members)
        {
            switch (member)
            {
                case OneMember one:
                    Collect(one.Target(), entities);
                    break;
                case ManyMember many:
                    Collect(many.Target(), entities);
                    break;
            }
        }
    }

    /// <summary>HotChocolate's filter input: <c>and</c>, <c>or</c> and one condition per filterable member.</summary>
    private static InputObjectGraphType FilterInput(Entity entity)
    {
        var type = new InputObjectGraphType { Name = entity.FilterTypeName, Description = $"Conditions on {Article(entity.Name)}." };
        var self = new GraphQLTypeReference(entity.FilterTypeName);
        type.AddField(new FieldType
        {
            Name = "and",
            Description = "All of these conditions must hold.",
            ResolvedType = new ListGraphType(new NonNullGraphType(self)),
        });
        type.AddField(new FieldType
        {
            Name = "or",
            Description = "At least one of these conditions must hold.",
            ResolvedType = new ListGraphType(new NonNullGraphType(self)),
        });
        foreach (var member in entity.Members)
        {
            var input = member switch
            {
                ValueMember value when value.Use.HasFlag(ValueUse.Filter) => value.FilterTypeName,
                OneMember one when one.Target().HasFilters => one.Target().FilterTypeName,
                ManyMember many => many.Target().ListFilterTypeName,
                _ => null,
            };
            if (input is not null)
            {
                type.AddField(new FieldType { Name = member.Name, Description = member.Description, ResolvedType = new GraphQLTypeReference(input) });
            }
        }

        return type;
    }

    /// <summary>HotChocolate's list filter: <c>some</c>, <c>all</c>, <c>none</c> of the items match, <c>any</c> item exists, or the items' <c>count</c> meets
    /// conditions.</summary>
    private static InputObjectGraphType ListFilterInput(Entity entity)
    {
        var type = new InputObjectGraphType { Name = entity.ListFilterTypeName, Description = $"Conditions on a list of {entity.Name} items." };
        var item = new GraphQLTypeReference(entity.FilterTypeName);
        type.AddField(new FieldType { Name = "all", Description = "Every item matches (true for an empty list).", ResolvedType = item });
        type.AddField(new FieldType { Name = "none", Description = "No item matches.", ResolvedType = item });
        type.AddField(new FieldType { Name = "some", Description = "At least one item matches.", ResolvedType = item });
        type.AddField(new FieldType
        {
            Name = "any",
            Description = "True: the list has items; false: the list is empty.",
            ResolvedType = new BooleanGraphType(),
        });
        type.AddField(new FieldType
        {
            Name = "count",
            Description = "Conditions on the number of items in the list (Kvk's extension of HotChocolate's list filter), e.g. `{ gte: 2 }`.",
            ResolvedType = new GraphQLTypeReference(OperationFilterInputs.NameOf("Int")),
        });
        return type;
    }

    /// <summary>HotChocolate's sort input: a direction per sortable value, the sort input of a related object per relation.</summary>
    private static InputObjectGraphType SortInput(Entity entity)
    {
        var type = new InputObjectGraphType { Name = entity.SortTypeName, Description = $"Sorts by fields of {Article(entity.Name)}." };
        foreach (var member in entity.Members)
        {
            var input = member switch
            {
                ValueMember value when value.Use.HasFlag(ValueUse.Sort) => "SortEnumType",
                OneMember one when one.Target().HasSorts => one.Target().SortTypeName,
                _ => null,
            };
            if (input is not null)
            {
                var description = member is ValueMember { Kind: ValueKind.Enum } ? $"{member.Description} Sorted in the order of its values " +
                    "as listed on the enum." : member.Description;
                type.AddField(new FieldType { Name = member.Name, Description = description, ResolvedType = new GraphQLTypeReference(input) });
            }
        }

        return type;
    }

    private static string Article(string name) => ("AEIOUÅÄÖ".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
}

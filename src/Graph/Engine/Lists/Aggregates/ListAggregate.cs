using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Lists.Aggregates;

/// <summary>
/// The aggregate of a list root (Hasura's <c>_aggregate</c>, with PostGraphile's grouped counts): a root field
/// <c>{list}Aggregate(where:)</c> with the <c>count</c> of what <c>where</c> selects and <c>groupBy(by:, order:, first:)</c>,
/// counts per value of any groupable path. Made from the list's declaration, so every list and every value declared
/// groupable later gets them; computed in PostgreSQL over the same served rows as the list, so whatever the list
/// keeps out (an unannounced decision, another programme) no count shows either.
/// </summary>
public static class ListAggregate
{
    /// <summary>What a <c>groupBy</c> adds to the cost of an operation: a scan of the filtered list, grouped.</summary>
    public const int GroupByCost = 50;

    /// <summary>How many groups a grouping without <c>first</c> is counted as in the cost limit.</summary>
    public const int UnslicedGroups = 300;

    private static readonly string[] FirstSlices = ["first"];

    /// <summary>The most groups a <c>groupBy</c> answers with (there are 290 municipalities).</summary>
    public const int MaxGroups = 1000;

    private const int MaxKeys = 3;

    public static string FieldName(ListRoot root) => root.Field + "Aggregate";

    public static string TypeName(ListRoot root) => root.ListTypeName + "Aggregate";

    public static string GroupEnumName(Entity entity) => entity.Name + "GroupBy";

    /// <summary>The source of an aggregate's fields: the list's filtered statement.</summary>
    private sealed record Filtered(ViewQuery Query, Entity Entity);

    public static void AddTo(ObjectGraphType query, ListRoot root) => query.AddField(new FieldType
    {
        Name = FieldName(root),
        Description = $"Counts of the {root.Items} (the same items as `{root.Field}`, with the same `where`): their number, and their number per group.",
        ResolvedType = new NonNullGraphType(new GraphQLTypeReference(TypeName(root))),
        Arguments = new QueryArguments(new QueryArgument(new GraphQLTypeReference(root.Entity.FilterTypeName))
        {
            Name = "where",
            Description = $"Only the {root.Items} that meet these conditions are counted.",
        }),
        Resolver = new FuncFieldResolver<object?>(c => new Filtered(root.Query(c.GetArgument<object?>("where"), null), root.Entity)),
    });

    public static void Register(ISchema schema, IEnumerable<ListRoot> roots)
    {
        schema.RegisterType(GroupType());
        schema.RegisterType(typeof(AggregateKeyType));
        schema.RegisterType(GroupSortInput());
        foreach (var root in roots)
        {
            var paths = GroupPath.Of(root.Entity);
            if (paths.Count == 0)
            {
                continue;
            }

            schema.RegisterType(GroupEnum(root.Entity, paths));
            schema.RegisterType(AggregateType(root, paths));
        }
    }

    private static ObjectGraphType AggregateType(ListRoot root, IReadOnlyList<GroupPath> paths)
    {
        var type = new ObjectGraphType { Name = TypeName(root), Description = $"Counts of the {root.Items} a `where` selects." };
        type.AddField(new FieldType
        {
            Name = "count",
            Description = $"The number of {root.Items} selected.",
            ResolvedType = new NonNullGraphType(new IntGraphType()),
            Resolver = new FuncFieldResolver<object?>(async c => await GroupCompiler.CountAsync(
                c.ReadStore(),
                ((Filtered)c.Source!).Query,
                c.CancellationToken)),
        });
        var groupBy = new FieldType
        {
            Name = "groupBy",
            Description = $"The {root.Items} selected, counted per value of `by` (one group per combination of values, at most {MaxKeys} values). Groups are " +
                "in the order of their keys unless ordered otherwise.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference("AggregateGroup")))),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(GroupEnumName(root.Entity))))))
                {
                    Name = "by",
                    Description = "The values to group by; each group has a key per value, in this order.",
                },
                new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference("AggregateGroupSortInput"))))
                {
                    Name = "order",
                    Description = "The order of the groups; the first entry sorts first. Ties are in the order of their keys.",
                },
                new QueryArgument(new IntGraphType()) { Name = "first", Description = $"Only the first groups in the order (at most {MaxGroups})." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var filtered = (Filtered)c.Source!;
                var by = c.GetArgument<List<string>>("by") ?? [];
                if (by.Count is 0 or > MaxKeys)
                {
                    throw Entity.Invalid("INVALID_GROUP", $"`by` takes 1 to {MaxKeys} values to group by.");
                }

                var first = c.GetArgument<int?>("first");
                if (first is < 0 or > MaxGroups)
                {
                    throw Entity.Invalid("INVALID_GROUP", $"`first` is between 0 and {MaxGroups}.");
                }

                var order = (c.GetArgument<List<Dictionary<string, object?>>>("order") ?? [])
                    .SelectMany(o => o.Where(e => e.Value is bool).Select(e => new GroupCompiler.GroupOrder(e.Key == "count", (bool)e.Value!)))
                    .ToList();
                return await GroupCompiler.GroupAsync(
                    c.ReadStore(),
                    filtered.Query,
                    filtered.Entity,
                    [.. by.Select(b => paths.First(p => p.EnumName == b))],
                    order,
                    first ?? MaxGroups,
                    c.CancellationToken);
            }),
        };
        groupBy.WithComplexityImpact(GroupByImpact);
        groupBy.ApplyDirective(PublishedCost.Cost, "weight", GroupByCost.ToString(System.Globalization.CultureInfo.InvariantCulture));
        groupBy.ApplyDirective(PublishedCost.ListSize, directive =>
        {
            directive.AddArgument(new DirectiveArgument("assumedSize") { Value = UnslicedGroups });
            directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = FirstSlices });
            directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
        });
        type.AddField(groupBy);
        return type;
    }

    /// <summary>A grouping scans the filtered list; its groups are counted as <c>first</c> items (or as many as a county per municipality can make).</summary>
    private static FieldComplexityResult GroupByImpact(FieldImpactContext context)
    {
        var first = context.Arguments?.TryGetValue("first", out var value) == true && value.Value is int n ? n : UnslicedGroups;
        return new FieldComplexityResult(GroupByCost, first);
    }

    private static EnumerationGraphType GroupEnum(Entity entity, IReadOnlyList<GroupPath> paths)
    {
        var type = new EnumerationGraphType { Name = GroupEnumName(entity), Description = $"The values {Article(entity.Name)} list can be counted by." };
        foreach (var path in paths)
        {
            type.Add(path.EnumName, path.EnumName, path.Description);
        }

        return type;
    }

    private static ObjectGraphType<AggregateGroup> GroupType()
    {
        var type = new ObjectGraphType<AggregateGroup>
        {
            Name = "AggregateGroup",
            Description = "One group of counted items: the values that make it a group, and how many items it holds.",
        };
        type.Field<StringGraphType>("key").Description("The group's value of the first `by`, as text (\"2007\", \"true\", \"12\"); null for " +
            "the items without one.").Resolve(c => c.Source.Keys[0].Key);
        type.Field<StringGraphType>("name").Description("The readable name of the first `by` where it stands for something named (a county's \"Skåne " +
            "län\"); null otherwise.").Resolve(c => c.Source.Keys[0].Name);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AggregateKeyType>>>>("keys").Description(
            "The group's value of each `by`, in the order of `by`.").Resolve(c => c.Source.Keys);
        type.Field<NonNullGraphType<IntGraphType>>("count").Description("How many of the selected items are in the group.").Resolve(c => c.Source.Count);
        return type;
    }

    private static InputObjectGraphType GroupSortInput()
    {
        var type = new InputObjectGraphType
        {
            Name = "AggregateGroupSortInput",
            Description = "Sorts groups by their count or by their keys; give one per entry.",
        };
        type.AddField(new FieldType
        {
            Name = "count",
            Description = "By the number of items in the group.",
            ResolvedType = new GraphQLTypeReference("SortEnumType"),
        });
        type.AddField(new FieldType
        {
            Name = "key",
            Description = "By the groups' keys, in the order their values sort in (Swedish alphabetical order, an enum's declared order).",
            ResolvedType = new GraphQLTypeReference("SortEnumType"),
        });
        return type;
    }

    private static string Article(string name) => ("AEIOUÅÄÖ".Contains(name[0], StringComparison.Ordinal) ? "an " : "a ") + name;
}

public sealed class AggregateKeyType : ObjectGraphType<GroupKey>
{
    public AggregateKeyType()
    {
        Name = "AggregateKey";
        Description = "A group's value of one `by`.";
        Field<NonNullGraphType<StringGraphType>>("by").Description("The value grouped by, as named in `by`.").Resolve(c => c.Source.By);
        Field<StringGraphType>("key").Description("The value as text; null for the items without one.").Resolve(c => c.Source.Key);
        Field<StringGraphType>("name").Description("The readable name where the value stands for something named; null otherwise.").Resolve(c => c.Source.Name);
    }
}

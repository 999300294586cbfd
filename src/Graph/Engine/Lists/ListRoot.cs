using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Engine.Lists;

/// <summary>A list at the root of the schema: its entity, its name, its default order, and its field.</summary>
public abstract class ListRoot(string field, string description, Entity entity, string listTypeName, string items)
{
    /// <summary>The root field, e.g. "awards".</summary>
    public string Field { get; } = field;

    public string Description { get; } = description;

    public Entity Entity { get; } = entity;

    /// <summary>The list in type names: "Awards" for AwardsConnection and AwardsEdge.</summary>
    public string ListTypeName { get; } = listTypeName;

    /// <summary>What the list holds, in words.</summary>
    public string Items { get; } = items;

    /// <summary>
    /// Adds the root fields: the list's, and its aggregate's (<see cref="Aggregates.ListAggregate"/>). The list is a
    /// connection with <c>where</c>, <c>order</c> and cursor paging, one page statement in PostgreSQL (its
    /// <c>totalCount</c> included when selected).
    /// </summary>
    public void AddTo(ObjectGraphType query)
    {
        query.AddField(ListField());
        Aggregates.ListAggregate.AddTo(query, this);
    }

    private FieldType ListField() => new()
    {
        Name = Field,
        Description = Description,
        ResolvedType = new NonNullGraphType(new GraphQLTypeReference(ListTypeName + "Connection")),
        Arguments = new QueryArguments(
        [
            .. PagingArguments.All,
            new QueryArgument(new GraphQLTypeReference(Entity.FilterTypeName))
            {
                Name = "where",
                Description = $"Only the {Items} that meet these conditions.",
            },
            new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(Entity.SortTypeName))))
            {
                Name = "order",
                Description = "The sort order; the first entry sorts first.",
            },
        ]),
        Resolver = new FuncFieldResolver<object?>(async c => await PageAsync(c, Query(c.GetArgument<object?>("where"), c.GetArgument<object?>("order")))),
    };

    /// <summary>The list's statement: its table and scope, the filter and the order asked for (the default order when none).</summary>
    public ViewQuery Query(object? where, object? order)
    {
        var table = Entity.Table ?? throw new InvalidOperationException($"{Entity.Name} has no table to list.");
        var query = new ViewQuery(table).Where(Entity.ScopeOf(table));
        FilterCompiler.Filter(query, Entity, table, where);
        return query.OrderBy(SortCompiler.Parse(order, Entity, table, DefaultOrder(table)));
    }

    /// <summary>The list's statement in the order of value paths ("year", "municipality.name") and directions.</summary>
    public ViewQuery Query(params (string Path, bool Descending)[] order) => Query(null, order.Select(o => (object?)Nest(o.Path, o.Descending)).ToList());

    protected abstract IReadOnlyList<SortKey> DefaultOrder(string table);

    protected static Dictionary<string, object?> Nest(string path, bool descending)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new() { [path] = descending } : new() { [path[..dot]] = Nest(path[(dot + 1)..], descending) };
    }

    protected abstract Task<IConnection> PageAsync(IResolveFieldContext context, ViewQuery query);
}

/// <summary>A root list of documents of type <typeparamref name="TDoc"/>.</summary>
/// <param name="defaultOrder">The order when none is asked for: value paths ("year", "municipality.name") and their direction.</param>
public sealed class ListRoot<TDoc>(
    string field,
    string description,
    Entity<TDoc> entity,
    string listTypeName,
    string items,
    params (string Path, bool Descending)[] defaultOrder)
    : ListRoot(field, description, entity, listTypeName, items)
{
    // The default order is the same statement text for every request on a table: parsed once per table, not per request.
    private readonly ConcurrentDictionary<string, IReadOnlyList<SortKey>> _defaultOrders = new(StringComparer.Ordinal);

    protected override IReadOnlyList<SortKey> DefaultOrder(string table) => _defaultOrders.GetOrAdd(
        table,
        t => [.. defaultOrder.SelectMany(o => SortCompiler.Parse(new object?[] { Nest(o.Path, o.Descending) }, Entity, t, []))]);

    protected override async Task<IConnection> PageAsync(IResolveFieldContext context, ViewQuery query) =>
        await Pager.PageAsync<TDoc>(context.ReadStore(), query, PageArguments.From(context), context.CancellationToken);
}

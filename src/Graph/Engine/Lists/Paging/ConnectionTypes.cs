using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>HotChocolate's connection shape for a list of any node type: <c>nodes</c>, <c>edges { cursor node }</c>, <c>pageInfo</c>,
/// <c>totalCount</c>.</summary>
public static class ConnectionTypes
{
    /// <param name="listName">The list's name in the type names, e.g. "Awards" for AwardsConnection and AwardsEdge.</param>
    /// <param name="nodeTypeName">The node's object type, e.g. "Award".</param>
    /// <param name="items">What the list holds, in words.</param>
    public static (ObjectGraphType Connection, ObjectGraphType Edge) Create(string listName, string nodeTypeName, string items)
    {
        var node = new NonNullGraphType(new GraphQLTypeReference(nodeTypeName));
        var edge = new ObjectGraphType { Name = listName + "Edge", Description = "An item of a page and the cursor that points at it." };
        edge.AddField(Field("cursor", "An opaque cursor for this item: pass it as `after` or " +
            "`before` to page from here.", new NonNullGraphType(new StringGraphType()), c => ((IEdge)c.Source!).Cursor));
        edge.AddField(Field("node", "The item.", node, c => ((IEdge)c.Source!).Node));

        var connection = new ObjectGraphType { Name = listName + "Connection", Description = $"A page of {items}, with cursors to page on." };
        connection.AddField(Field(
            "nodes",
            "The items of this page, in order.",
            new NonNullGraphType(new ListGraphType(node)),
            c => ((IConnection)c.Source!).Edges.Select(e => e.Node)));
        connection.AddField(Field(
            "edges",
            "The items of this page with their cursors.",
            new NonNullGraphType(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(edge.Name)))),
            c => ((IConnection)c.Source!).Edges));
        connection.AddField(Field(
            "pageInfo",
            "Whether more pages exist and the cursors to reach them.",
            new NonNullGraphType(new GraphQLTypeReference("PageInfo")),
            c => ((IConnection)c.Source!).PageInfo));
        connection.AddField(new FieldType
        {
            Name = "totalCount",
            Description = "The number of items in the whole list with the same filter, across all pages.",
            ResolvedType = new NonNullGraphType(new IntGraphType()),
            Resolver = new FuncFieldResolver<object?>(async c => await ((IConnection)c.Source!).TotalCountAsync(c.CancellationToken)),
        });
        return (connection, edge);
    }

    private static FieldType Field(string name, string description, IGraphType type, Func<IResolveFieldContext, object?> resolve) =>
        new() { Name = name, Description = description, ResolvedType = type, Resolver = new FuncFieldResolver<object?>(resolve) };
}

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Information about a page of a connection.";
        Field(x => x.HasNextPage).Description("True when more items follow this page.");
        Field(x => x.HasPreviousPage).Description("True when items come before this page.");
        Field(x => x.StartCursor, nullable: true).Description("The cursor of the first item of this page.");
        Field(x => x.EndCursor, nullable: true).Description("The cursor of the last item of this page.");
    }
}

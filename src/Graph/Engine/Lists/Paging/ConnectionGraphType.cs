using GraphQL.Types;

namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>HotChocolate's connection shape: <c>nodes</c>, <c>edges { cursor node }</c>, <c>pageInfo</c>, <c>totalCount</c>.</summary>
public abstract class ConnectionGraphType<TNodeGraph, TEdgeGraph, T> : ObjectGraphType<Connection<T>>
    where TNodeGraph : IGraphType
    where TEdgeGraph : IGraphType
{
    protected ConnectionGraphType(string listName, string itemDescription)
    {
        Name = listName + "Connection";
        Description = $"A page of {itemDescription}, with cursors to page on.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraph>>>>("nodes")
            .Description("The items of this page, in order.")
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraph>>>>("edges")
            .Description("The items of this page with their cursors.")
            .Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo")
            .Description("Whether more pages exist and the cursors to reach them.")
            .Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("The number of items in the whole list with the same filter, across all pages.")
            .ResolveAsync(async c => await c.Source.TotalCountAsync(c.CancellationToken));
    }
}

/// <summary>An item of a connection with its cursor.</summary>
public abstract class EdgeGraphType<TNodeGraph, T> : ObjectGraphType<Edge<T>>
    where TNodeGraph : IGraphType
{
    protected EdgeGraphType(string listName)
    {
        Name = listName + "Edge";
        Description = "An item of a page and the cursor that points at it.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("An opaque cursor for this item: pass it as `after` or `before` to page from here.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraph>>("node")
            .Description("The item.")
            .Resolve(c => c.Source.Node);
    }
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

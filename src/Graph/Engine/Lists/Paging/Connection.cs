namespace Kvk.Graph.Engine.Lists.Paging;

/// <summary>
/// An item of a page and the sort-key values its cursor is made of. The cursor is encoded when it is
/// asked for: most reads select the nodes and at most the two cursors of <see cref="PageInfo"/>.
/// </summary>
public sealed class Edge<T>(IReadOnlyList<string?> keys, T node) : IEdge
{
    public string Cursor => field ??= Paging.Cursor.Encode(keys);

    public T Node { get; } = node;

    public Edge<TOut> WithNode<TOut>(TOut other) => new(keys, other);

    object? IEdge.Node => Node;
}

/// <summary>An edge whatever its node's type, for the connection types declared at run time.</summary>
public interface IEdge
{
    string Cursor { get; }

    object? Node { get; }
}

/// <summary>A page whatever its nodes' type, for the connection types declared at run time.</summary>
public interface IConnection
{
    IEnumerable<IEdge> Edges { get; }

    PageInfo PageInfo { get; }

    Task<int> TotalCountAsync(CancellationToken cancellationToken);
}

public sealed class PageInfo(bool hasNextPage, bool hasPreviousPage, Func<string?> startCursor, Func<string?> endCursor)
{
    public bool HasNextPage { get; } = hasNextPage;

    public bool HasPreviousPage { get; } = hasPreviousPage;

    public string? StartCursor => startCursor();

    public string? EndCursor => endCursor();
}

/// <summary>A page of a list in HotChocolate's connection shape; the total is counted only when asked for.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> countTotal) : IConnection
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> TotalCountAsync(CancellationToken cancellationToken) => countTotal(cancellationToken);

    public Connection<TOut> Select<TOut>(Func<T, TOut> map) =>
        new([.. Edges.Select(e => e.WithNode(map(e.Node)))], PageInfo, countTotal);

    IEnumerable<IEdge> IConnection.Edges => Edges;
}

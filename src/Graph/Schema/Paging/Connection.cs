namespace Kvk.Graph.Schema.Paging;

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A page of a list in HotChocolate's connection shape; the total is counted only when asked for.</summary>
public sealed class Connection<T>(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> countTotal)
{
    public IReadOnlyList<Edge<T>> Edges { get; } = edges;

    public IEnumerable<T> Nodes => Edges.Select(e => e.Node);

    public PageInfo PageInfo { get; } = pageInfo;

    public Task<int> TotalCountAsync(CancellationToken cancellationToken) => countTotal(cancellationToken);

    public Connection<TOut> Select<TOut>(Func<T, TOut> map) =>
        new([.. Edges.Select(e => new Edge<TOut>(e.Cursor, map(e.Node)))], PageInfo, countTotal);
}

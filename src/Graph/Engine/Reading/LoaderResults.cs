using GraphQL.DataLoader;

namespace Kvk.Graph.Engine.Reading;

public static class LoaderResults
{
    /// <summary>Transforms a loader's value once it has been fetched, without starting the fetch early.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) => new Mapped<TIn, TOut>(result, map);

    /// <summary>The same with an asynchronous step (e.g. another loader's value, asked only when this one's calls for it).</summary>
    public static IDataLoaderResult<TOut> ThenAsync<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, CancellationToken, Task<TOut>> map) =>
        new Chained<TIn, TOut>(result, map);

    /// <summary>The same, for a loader's value whose type the caller does not know (any of several loaders).</summary>
    public static IDataLoaderResult Then(this IDataLoaderResult result, Func<object?, object?> map) => new Mapped<object?, object?>(new Untyped(result), map);

    private sealed class Untyped(IDataLoaderResult inner) : IDataLoaderResult<object?>
    {
        public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => inner.GetResultAsync(cancellationToken);
    }

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }

    private sealed class Chained<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, CancellationToken, Task<TOut>> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => await map(
            await inner.GetResultAsync(cancellationToken),
            cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

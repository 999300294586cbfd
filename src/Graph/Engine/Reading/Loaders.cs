using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DataLoader;
using Kvk.Graph.Engine.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// A kind of batch load a feature declares once, beside its types (e.g. awards by year): how to fetch the values of
/// many keys in one call. Each operation gets its own loader of each kind (<see cref="OperationLoaders"/>).
/// </summary>
public sealed class LoaderKind<TKey, TValue>(
    Func<IServiceProvider, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing)
    where TKey : notnull
{
    public BatchLoader<TKey, TValue> Create(IServiceProvider services) => new((keys, cancellationToken) => fetch(services, keys, cancellationToken), missing);
}

/// <summary>The batch loaders of one operation (a scoped service): a key asked for twice is fetched once, and each batch is one call.</summary>
public sealed class OperationLoaders(IServiceProvider services)
{
    private readonly ConcurrentDictionary<object, object> _loaders = new();

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(LoaderKind<TKey, TValue> kind)
        where TKey : notnull => (BatchLoader<TKey, TValue>)_loaders.GetOrAdd(kind, _ => kind.Create(services));
}

public static class LoaderContext
{
    /// <summary>Loads the value of <paramref name="key"/> with the operation's loader of <paramref name="kind"/>, batched with the other keys of the same
    /// level.</summary>
    public static IDataLoaderResult<TValue> Load<TKey, TValue>(this IResolveFieldContext context, LoaderKind<TKey, TValue> kind, TKey key)
        where TKey : notnull => context.Service<OperationLoaders>().Get(kind).Load(key);
}

/// <summary>Loader kinds over a document table: one document, or all of them, per key column value.</summary>
public static class ViewLoaders
{
    /// <param name="scope">The condition every row must meet (e.g. the served programme), on the unaliased table.</param>
    public static LoaderKind<TKey, TDoc?> One<TKey, TDoc>(string table, string scope, string column, string sqlType, Func<TDoc, TKey> keyOf)
        where TKey : notnull
        where TDoc : class =>
        new(
            async (services, keys, ct) => (await FetchAsync<TKey, TDoc>(services, table, scope, column, sqlType, keys, ct)).ToDictionary(keyOf, d => (TDoc?)d),
            null);

    public static LoaderKind<TKey, IReadOnlyList<TDoc>> Many<TKey, TDoc>(string table, string scope, string column, string sqlType, Func<TDoc, TKey> keyOf)
        where TKey : notnull =>
        new(async (services, keys, ct) => (await FetchAsync<TKey, TDoc>(services, table, scope, column, sqlType, keys, ct))
            .GroupBy(keyOf)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TDoc>)[.. g]), []);

    private static async Task<IReadOnlyList<TDoc>> FetchAsync<TKey, TDoc>(
        IServiceProvider services,
        string table,
        string scope,
        string column,
        string sqlType,
        IReadOnlyList<TKey> keys,
        CancellationToken ct)
    {
        var rows = await services.GetRequiredService<ReadStore>().QueryAsync<TDoc>(table, $"select {ReadStore.Reference(table)} from {table} where {scope} " +
            $"and {column} = any($1::{sqlType}[]) order by id", [keys.ToArray()], ct);
        return [.. rows.Select(r => r.Document)];
    }
}

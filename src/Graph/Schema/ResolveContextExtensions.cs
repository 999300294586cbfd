using GraphQL;
using Kvk.Graph.ReadModel;

namespace Kvk.Graph.Schema;

public static class ResolveContextExtensions
{
    public static ReadLoaders Loaders(this IResolveFieldContext context) => context.Service<ReadLoaders>();

    public static ReadStore ReadStore(this IResolveFieldContext context) => context.Service<ReadStore>();

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (T)(context.RequestServices ?? throw new InvalidOperationException("The request has no services.")).GetService(typeof(T))!;
}

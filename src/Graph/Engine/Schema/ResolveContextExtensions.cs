using GraphQL;
using Kvk.Graph.Engine.Reading;

namespace Kvk.Graph.Engine.Schema;

public static class ResolveContextExtensions
{
    public static ReadStore ReadStore(this IResolveFieldContext context) => context.Service<ReadStore>();

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull =>
        (T)(context.RequestServices ?? throw new InvalidOperationException("The request has no services.")).GetService(typeof(T))!;
}

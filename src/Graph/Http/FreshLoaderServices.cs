using Kvk.Graph.ReadModel;

namespace Kvk.Graph.Http;

/// <summary>
/// The services of a long-lived operation (a subscription): like the connection's, except that each request for
/// <see cref="ReadLoaders"/> gets new ones, since the loaders keep what they read for the rest of a request.
/// </summary>
public sealed class FreshLoaderServices(IServiceProvider inner) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(ReadLoaders) ? ActivatorUtilities.CreateInstance<ReadLoaders>(inner) : inner.GetService(serviceType);
}

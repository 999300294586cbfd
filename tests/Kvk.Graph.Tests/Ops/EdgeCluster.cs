namespace Kvk.Graph.Tests.Ops;

/// <summary>
/// One <c>ops/cluster</c> for <see cref="EdgeTests"/>: the rate limit on, small enough to spend in a few seconds, and
/// Varnish allowed to keep an answer five minutes, so that only a purge can explain a change it shows sooner.
/// </summary>
public sealed class EdgeCluster : IAsyncLifetime
{
    public const int PermitsPerSecond = 20;
    public const int Burst = 40;
    public const int EdgeMaxAgeSeconds = 300;

    public OpsCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await OpsCluster.StartAsync(new Dictionary<string, string>
    {
        ["Kvk__RateLimiting__Enabled"] = "true",
        ["Kvk__RateLimiting__PermitsPerSecond"] = $"{PermitsPerSecond}",
        ["Kvk__RateLimiting__Burst"] = $"{Burst}",
        ["Kvk__EdgeCache__MaxAgeSeconds"] = $"{EdgeMaxAgeSeconds}",
    });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

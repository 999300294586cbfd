namespace Kvk.Graph.Tests.Ops;

/// <summary>
/// One <c>ops/cluster</c> for the tests of <see cref="ClusterTopologyTests"/>. Its replica applies each commit a
/// quarter of a second late (<c>recovery_min_apply_delay</c>), so that a host announcing a change before its
/// replica shows it would be caught; its hosts read the primary instead of a replica more than five seconds behind
/// (long enough for a test to read the lagging replica first), and let Varnish keep an answer one second and serve it
/// three more while it asks again.
/// </summary>
public sealed class ReplicatedCluster : IAsyncLifetime
{
    public const int ApplyDelayMilliseconds = 250;
    public const int MaxLagSeconds = 5;

    /// <summary>How long Varnish may keep an answer before it asks a host again: shorter than the default, so that the tests see it do so soon.</summary>
    public const int EdgeMaxAgeSeconds = 1;

    /// <summary>How long past max-age Varnish may serve a copy while it asks a host again: short, so that a test sees the copy outlive it.</summary>
    public const int EdgeStaleWhileRevalidateSeconds = 3;

    public OpsCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await OpsCluster.StartAsync(
        new Dictionary<string, string>
        {
            ["Kvk__Replica__MaxLagSeconds"] = $"{MaxLagSeconds}",
            ["Kvk__EdgeCache__MaxAgeSeconds"] = $"{EdgeMaxAgeSeconds}",
            ["Kvk__EdgeCache__StaleWhileRevalidateSeconds"] = $"{EdgeStaleWhileRevalidateSeconds}",
        },
        "--replica-apply-delay", $"{ApplyDelayMilliseconds}");

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

namespace Kvk.Graph.Replication;

/// <summary>
/// Where the read path reads: <c>ConnectionStrings:KvkRead</c> (a streaming replica) when set, otherwise the primary
/// (<c>ConnectionStrings:Kvk</c>). <see cref="MaxLag"/> (<c>Kvk:Replica:MaxLagSeconds</c>) bounds how far the replica
/// may trail: past it the host is not ready, and a change is pushed to subscribers without waiting any longer.
/// </summary>
public sealed record ReplicaSettings(string? ReadConnectionString, TimeSpan MaxLag)
{
    public static readonly TimeSpan DefaultMaxLag = TimeSpan.FromSeconds(5);

    public bool ReadsFromReplica => ReadConnectionString is not null;

    public static ReplicaSettings From(IConfiguration configuration)
    {
        var seconds = configuration.GetValue<double?>("Kvk:Replica:MaxLagSeconds") ?? DefaultMaxLag.TotalSeconds;
        if (seconds <= 0)
        {
            throw new InvalidOperationException($"Kvk:Replica:MaxLagSeconds must be a positive number of seconds, not {seconds}.");
        }

        return new ReplicaSettings(configuration.GetConnectionString("KvkRead") is { Length: > 0 } read ? read : null, TimeSpan.FromSeconds(seconds));
    }
}

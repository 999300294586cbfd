using System.Globalization;
using Kvk.Graph.Engine.Reading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kvk.Graph.Replication;

/// <summary>
/// Where the public's reads go and how far the replica trails the primary, as the <see cref="ReplicaMonitor"/> last
/// found it (ready): the probe asks no database. A replica gone or lagging past <see cref="ReplicaSettings.MaxLag"/>
/// leaves the host degraded, not unready: it reads the primary meanwhile (<c>readsFrom</c> and <c>reason</c> say so).
/// </summary>
public sealed class ReplicaLagHealthCheck(ReplicaMonitor monitor, ReadSource source, ReplicaSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var seen = monitor.Latest;
        var data = new Dictionary<string, object>
        {
            ["readsFrom"] = source.FromPrimary ? "primary" : "replica",
            ["reason"] = source.Reason,
            ["readsFromPrimary"] = source.FromPrimary,
            ["replicaAnswers"] = settings.ReadsFromReplica && seen?.ReplicaAnswers == true,
            ["replicaLagBytes"] = seen?.LagBytes ?? 0,
            ["replicaLagSeconds"] = seen?.LagSeconds ?? 0,
            ["maxLagSeconds"] = settings.MaxLag.TotalSeconds,
        };
        if (!settings.ReadsFromReplica)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Reads go to the primary.", data));
        }

        return Task.FromResult(source.FromPrimary
            ? HealthCheckResult.Degraded($"Public reads go to the primary: {source.Reason}", data: data)
            : HealthCheckResult.Healthy(
                seen is { LagBytes: > 0 }
                    ? string.Create(CultureInfo.InvariantCulture, $"The replica trailed the primary by {seen.LagBytes} WAL bytes ({seen.LagSeconds} s).")
                    : source.Reason,
                data));
    }
}

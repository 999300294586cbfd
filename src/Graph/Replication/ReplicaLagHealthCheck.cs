using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kvk.Graph.Replication;

/// <summary>
/// How far the read database trails the primary (ready): the WAL bytes it had still to replay when the check
/// began, and the seconds it then took to replay them. The seconds are measured, not derived from the last
/// replayed transaction's timestamp, which on a quiet primary is old even when nothing is missing. Past
/// <see cref="ReplicaSettings.MaxLag"/> the host is not ready: its reads would serve a record that stale.
/// </summary>
public sealed class ReplicaLagHealthCheck(ReplicaReplay replay) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxLag = replay.Settings.MaxLag.TotalSeconds;
        if (!replay.Settings.ReadsFromReplica)
        {
            return HealthCheckResult.Healthy("Reads go to the primary.", Data(true, 0, 0, maxLag));
        }

        try
        {
            var position = await replay.PrimaryPositionAsync(cancellationToken);
            if (await replay.ReplayedAsync(cancellationToken) is not { } replayed)
            {
                return HealthCheckResult.Healthy("The read database is not a standby (promoted, or the primary itself).", Data(true, 0, 0, maxLag));
            }

            var bytes = replayed >= position ? 0 : (long)((ulong)position - (ulong)replayed);
            var wait = bytes == 0 ? new ReplayWait(true, TimeSpan.Zero) : await replay.WaitForAsync(position, cancellationToken);
            var seconds = Math.Round(wait.Waited.TotalSeconds, 3);
            var data = Data(false, bytes, seconds, maxLag);
            return wait.Replayed
                ? HealthCheckResult.Healthy(bytes == 0
                    ? "The replica has replayed all the primary has written."
                    : string.Create(
                        CultureInfo.InvariantCulture,
                        $"The replica trailed the primary by {bytes} WAL bytes and replayed them in {seconds} s."), data)
                : HealthCheckResult.Unhealthy(
                    string.Create(CultureInfo.InvariantCulture, $"The replica trails the primary by more than {maxLag} s ({bytes} WAL bytes behind)."),
                    data: data);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The read database or the primary does not answer.");
        }
    }

    private static Dictionary<string, object> Data(bool readsFromPrimary, long bytes, double seconds, double maxLag) => new()
    {
        ["readsFromPrimary"] = readsFromPrimary,
        ["replicaLagBytes"] = bytes,
        ["replicaLagSeconds"] = seconds,
        ["maxLagSeconds"] = maxLag,
    };
}

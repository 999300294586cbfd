using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>Can the host reach PostgreSQL and read its store? (ready)</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var command = dataSource.CreateCommand("select count(*) from kvk.mt_streams where false");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
        }
    }
}

/// <summary>
/// How far the projections trail the event store (ready). Kvk's projections are inline: they commit
/// in the transaction of the events, so the lag is zero by construction; an asynchronous projection,
/// should one be added, is measured against the store's high-water mark.
/// </summary>
public sealed class ProjectionLagHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public const long MaxLag = 1000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                select coalesce((select max(seq_id) from kvk.mt_events), 0)
                     - coalesce((select min(last_seq_id) from kvk.mt_event_progression where name <> 'HighWaterMark'), (select max(seq_id) from kvk.mt_events), 0)
                """);
            var lag = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var data = new Dictionary<string, object> { ["lag"] = lag };
            return lag <= MaxLag
                ? HealthCheckResult.Healthy($"Projections trail the store by {lag} events.", data)
                : HealthCheckResult.Degraded($"Projections trail the store by {lag} events.", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The projection progress could not be read.");
        }
    }
}

using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Replication;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Secretariat.Credentials;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>
/// Can the host reach the primary and read its store? (ready) Without it nothing can be recorded, but a host whose
/// replica still answers serves the public's reads: it is degraded then, and unready only when neither answers.
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, ReplicaMonitor replica) : IHealthCheck
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
            return replica.Latest is { ReplicaAnswers: true }
                ? HealthCheckResult.Degraded("The primary does not answer: nothing can be recorded; public reads go to the replica.")
                : HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
        }
    }
}

/// <summary>
/// Can anyone record? Never unhealthy (public reading does not need it), but a host with no configured secretariat token
/// and no issued, unexpired, unrevoked secretariat credential says so in its readiness report, as in its log at start.
/// </summary>
public sealed class SecretariatHealthCheck(SecretariatTokens tokens, CredentialCache credentials, TimeProvider clock) : IHealthCheck
{
    public const string NoCredential = "No secretariat credential: nothing can be recorded until one is configured or issued (`secretariat issue`).";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var issued = (await credentials.CurrentAsync(cancellationToken)).ValidAt(clock.GetUtcNow(), Viewer.SecretariatRole);
        var data = new Dictionary<string, object> { ["configuredTokens"] = tokens.Count, ["issuedSecretariatCredentials"] = issued };
        return HealthCheckResult.Healthy(
            tokens.Count + issued == 0 ? NoCredential : $"{tokens.Count} configured secretariat token(s), {issued} issued secretariat credential(s) valid.",
            data);
    }

    /// <summary>Whether a host may record: the warning at start in Production.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        tokens.Count > 0 || (await credentials.CurrentAsync(cancellationToken)).ValidAt(clock.GetUtcNow(), Viewer.SecretariatRole) > 0;
}

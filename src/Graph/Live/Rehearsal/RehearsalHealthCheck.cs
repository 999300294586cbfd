using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kvk.Graph.Live.Rehearsal;

/// <summary>
/// Not ready while the host rehearses its live path (<see cref="LiveRehearsal"/>), so that HAProxy sends it watchers once
/// it delivers at full speed; after, healthy whatever the rehearsal found (a host that could not rehearse still serves).
/// </summary>
public sealed class RehearsalHealthCheck(RehearsalProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (progress.Outcome is not { } outcome)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Rehearsing the live path: watchers wait until it delivers at full speed."));
        }

        var data = new Dictionary<string, object>
        {
            ["state"] = outcome.State.ToString(),
            ["rounds"] = outcome.Rounds,
            ["deliveries"] = outcome.Deliveries,
            ["compiledMethods"] = outcome.CompiledMethods,
            ["compiledInLastRound"] = outcome.CompiledInLastRound,
        };
        return Task.FromResult(HealthCheckResult.Healthy(outcome.Description, data));
    }
}

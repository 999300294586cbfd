using Kvk.Graph.Live.Rehearsal;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kvk.Graph.Tests.Live.Rehearsal;

public sealed class RehearsalHealthCheckTests
{
    [Fact]
    public async Task A_host_is_not_ready_while_it_rehearses_and_ready_whatever_the_rehearsal_found()
    {
        var progress = new RehearsalProgress();
        var check = new RehearsalHealthCheck(progress);

        var rehearsing = await check.CheckHealthAsync(new HealthCheckContext());
        progress.Finish(RehearsalOutcome.Failed("the host refused the rehearsal's subscription"));
        var over = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, rehearsing.Status);
        Assert.Equal(HealthStatus.Healthy, over.Status);
        Assert.Equal("Failed", over.Data["state"]);
        Assert.Contains("the host refused", over.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_outcome_is_the_one_reported()
    {
        var progress = new RehearsalProgress();

        progress.Finish(RehearsalOutcome.Off);
        progress.Finish(RehearsalOutcome.Skipped("no award"));

        Assert.Equal(RehearsalState.Off, progress.Outcome!.State);
    }
}

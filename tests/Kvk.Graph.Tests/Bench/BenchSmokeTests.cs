using Kvk.Bench;

namespace Kvk.Graph.Tests.Bench;

/// <summary>Keeps the benchmark harness compiling and running; its figures are taken by hand into BENCHMARKS.md, never asserted.</summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task The_harness_measures_the_host_and_the_bare_reference_for_a_few_seconds()
    {
        var log = new StringWriter();

        var report = await Harness.RunAsync(
            new BenchOptions(Connections: 4, DurationSeconds: 1, WarmupSeconds: 1, Smoke: true, HostWarmupSeconds: 1, Slices: 2),
            log);

        var result = Assert.Single(report.Seeded);
        Assert.True(result.Kvk.Requests > 0, log.ToString());
        Assert.True(result.Bare.Requests > 0, log.ToString());
        Assert.True(report.PeakWorkingSetBytes > 0);
        Assert.Contains("| award list |", Report.Markdown(report, "smoke"), StringComparison.Ordinal);
    }
}

using Kvk.Bench;
using Kvk.Bench.Gala;

namespace Kvk.Graph.Tests.Bench;

public sealed class GalaReportTests
{
    [Fact]
    public void A_run_replaces_its_own_section_of_the_file_and_leaves_the_rest()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, $"# Benchmarks\n\nintro\n\n{GalaReportWriter.Begin}\nold figures\n{GalaReportWriter.End}\n\nafterword\n");

            GalaReportWriter.WriteInto(path, "new figures\n");

            Assert.Equal($"# Benchmarks\n\nintro\n\n{GalaReportWriter.Begin}\nnew figures\n{GalaReportWriter.End}\n\nafterword\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_percentiles_of_delivery_times_are_nearest_rank()
    {
        double[] sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

        Assert.Equal(50, GalaRun.Percentile(sorted, 0.5));
        Assert.Equal(100, GalaRun.Percentile(sorted, 0.99));
        Assert.Equal(10, GalaRun.Percentile(sorted, 0));
        Assert.True(double.IsNaN(GalaRun.Percentile([], 0.5)));
    }

    [Fact]
    public void Reads_that_got_no_answer_are_counted_apart_from_answers_that_failed()
    {
        const string Output = """
            Running 20s test @ http://127.0.0.1:8080
              2 threads and 32 connections
              Latency Distribution
                 50%  630.00us
                 99%  565.84ms
              34243 requests in 20.01s, 40.11MB read
              Socket errors: connect 2, read 3, write 0, timeout 1
              Non-2xx or 3xx responses: 4
            Requests/sec:   1711.32
            """;

        var result = Wrk.Parse(Output);

        Assert.Equal(34243, result.Requests);
        Assert.Equal(4, result.Errors);
        Assert.Equal(6, result.SocketErrors);
        Assert.Equal(0.63, result.P50Ms, precision: 6);
        Assert.Equal(565.84, result.P99Ms, precision: 6);
    }
}

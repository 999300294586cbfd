using Kvk.Bench.Profile;

namespace Kvk.Graph.Tests.Bench.Profile;

/// <summary>The gala tells a host's work from its runtime's compiling and collecting by the names of its threads.</summary>
public sealed class ProcessCpuTests
{
    [Fact]
    public void A_process_CPU_time_is_counted_by_the_kind_of_its_threads_numbered_threads_of_one_kind_together()
    {
        using var stop = new CancellationTokenSource();
        var burners = Enumerable.Range(1, 2).Select(i => new Thread(() => Burn(stop.Token)) { Name = $"kvk burner {i}", IsBackground = true }).ToList();
        burners.ForEach(b => b.Start());
        try
        {
            // Until the burners' time shows (a few ticks of /proc's clock), however slow the machine is: a bound only for a
            // count that never comes (the kind not told apart).
            IReadOnlyDictionary<string, TimeSpan> kinds;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                Thread.Sleep(20);
                kinds = ProcessCpu.ByThreadKind(Environment.ProcessId);
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), string.Join(", ", kinds.Keys));
            }
            while (kinds.GetValueOrDefault("kvk burner") < TimeSpan.FromMilliseconds(20));

            Assert.DoesNotContain(kinds.Keys, k => k.StartsWith("kvk burner", StringComparison.Ordinal) && k != "kvk burner");
            Assert.All(kinds.Values, v => Assert.True(v >= TimeSpan.Zero));
        }
        finally
        {
            stop.Cancel();
            burners.ForEach(b => b.Join());
        }
    }

    [Fact]
    public void A_process_that_is_gone_has_no_threads_to_count() => Assert.Empty(ProcessCpu.ByThreadKind(int.MaxValue));

    private static void Burn(CancellationToken stop)
    {
        var x = 0UL;
        while (!stop.IsCancellationRequested)
        {
            x = (x * 6364136223846793005UL) + 1442695040888963407UL;
        }

        GC.KeepAlive(x);
    }
}

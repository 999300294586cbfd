using Kvk.Bench.Profile;

namespace Kvk.Graph.Tests.Bench;

/// <summary>How the profile harness counts perf's samples of the host by part (<see cref="PerfParts"/>).</summary>
public sealed class PerfPartsTests
{
    // Four samples as `perf script -F comm,ip,sym,dso` prints them (frames innermost first), abridged from a recording.
    private const string Script = """
        .NET TP Worker 
        	ffffffff82064420 tcp_sendmsg_locked ([kernel.kallsyms])
        	ffffffff82064eeb tcp_sendmsg ([kernel.kallsyms])
        	ffffffff8223c951 do_syscall_64 ([kernel.kallsyms])
        	          10aba4 __send (/usr/lib/x86_64-linux-gnu/libc.so.6)

        .NET TP Worker 
        	          4af21c [unknown] (/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so)
        	    7fc5057d2c00 object [Kvk.Graph.Engine] Kvk.Graph.Engine.Lists.Filtering.FilterCompiler::Convert(object,string)[OptimizedTier1] (/tmp/perf-6640.map)
        	    7fc5057d9c60 instance void [GraphQL] GraphQL.Execution.ExecutionStrategy+<ExecuteNodeAsync>d__15::MoveNext()[OptimizedTier1] (/tmp/perf-6640.map)

        .NET Server GC 
        	          60166e [unknown] (/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so)

        .NET TP Worker 
        	ffffffff81e7969c finish_task_switch.isra.0 ([kernel.kallsyms])
        	ffffffff81e77680 __x64_sys_sched_yield ([kernel.kallsyms])
        	          10aba4 __sched_yield (/usr/lib/x86_64-linux-gnu/libc.so.6)

        """;

    [Fact]
    public void Each_sample_counts_toward_the_system_call_it_is_in_or_the_innermost_known_frame_above_the_runtime()
    {
        var samples = PerfParts.Parse(new StringReader(Script));

        Assert.Equal(
            [
                "kernel: TCP send (loopback: includes the peer's receive and wake-up)",
                "list engine: filter SQL",
                "GC (server GC threads)",
                "kernel: idle thread-pool workers (sched_yield spin, futex sleep)",
            ],
            samples.Select(PerfParts.PartOf));
        Assert.Equal("libcoreclr.so", samples[1].Frames[0].Object);
        Assert.Contains("| list engine: filter SQL | 25.0 % |", PerfParts.Markdown(samples), StringComparison.Ordinal);
    }
}

using System.Globalization;
using Kvk.Bench;
using Kvk.Bench.Profile;
using Kvk.Graph.Engine.Profiling;

namespace Kvk.Graph.Tests.Bench;

public sealed class ProfileReportTests
{
    [Fact]
    public void A_run_replaces_its_own_section_of_the_file_and_leaves_the_rest()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, $"# Benchmarks\n\nintro\n\n{ProfileReportWriter.Begin}\nold figures\n{ProfileReportWriter.End}\n\nafterword\n");

            ProfileReportWriter.WriteInto(path, "new figures\n");

            var expected = $"# Benchmarks\n\nintro\n\n{ProfileReportWriter.Begin}\nnew figures\n{ProfileReportWriter.End}\n\nafterword\n";
            Assert.Equal(expected, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_phases_of_the_table_add_up_to_the_request_in_the_host()
    {
        // Phases within phases, as the host times them: 10 requests of 1,000 µs each.
        var totals = new Dictionary<ProfilePhase, double>
        {
            [ProfilePhase.Request] = 10_000,
            [ProfilePhase.ReadBody] = 500,
            [ProfilePhase.ResponseCacheLookup] = 100,
            [ProfilePhase.DecodeRequest] = 200,
            [ProfilePhase.Operation] = 6_000,
            [ProfilePhase.Executer] = 5_000,
            [ProfilePhase.DocumentCacheHit] = 100,
            [ProfilePhase.Validation] = 1_000,
            [ProfilePhase.CostAnalysis] = 400,
            [ProfilePhase.SqlConnection] = 100,
            [ProfilePhase.SqlStatement] = 2_000,
            [ProfilePhase.OperationLog] = 300,
            [ProfilePhase.Serialization] = 700,
            [ProfilePhase.ResponseCacheStore] = 100,
            [ProfilePhase.WriteResponse] = 200,
            [ProfilePhase.RequestLog] = 50,
        };
        var phases = Enum.GetValues<ProfilePhase>().ToDictionary(
            RequestProfile.JsonName, p => new PhaseTotal(p == ProfilePhase.Parse ? 0 : 10, totals.GetValueOrDefault(p)));
        var load = new LoadResult(1_000, 1, 2, 10, 0);
        var profile = new QueryProfile(BenchQuery.All[4], load, null, 10, phases, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(1), []);

        var markdown = ProfileReportWriter.Markdown([profile], new ProfileOptions("busting"), "--profile busting");

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.EndsWith(" % |", StringComparison.Ordinal)).ToList();
        var leaves = rows.Where(r => !r.StartsWith("| **", StringComparison.Ordinal))
            .Sum(r => double.Parse(r.Split('|')[2].Trim().Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        Assert.Equal(1_000, leaves, precision: 6);
        Assert.Contains("| **the request in the host** | **1,000.0** | 100 % |", rows);
        Assert.Contains("host 500 µs, PostgreSQL 100 µs", markdown, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Xunit.Abstractions;

namespace Kvk.Graph.Tests.Ops;

/// <summary>
/// The replica of <c>ops/cluster</c> killed and started again: a cluster of its own, since the kill would disturb the
/// tests that share <see cref="ReplicatedCluster"/>.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ReplicaLossTests(ITestOutputHelper output)
{
    private const int Mutations = 15;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_the_replica_killed_every_host_stays_ready_reads_the_primary_and_acknowledges_every_mutation_then_returns_to_the_replica()
    {
        await using var cluster = await OpsCluster.StartAsync();
        using var secretariat = OpsCluster.Client(cluster.Haproxy, secretariat: true);
        var (year, question) = await OpenRoundOnTheReplicaAsync(cluster, secretariat);

        KillReplica(cluster);

        // Every mutation through HAProxy is acknowledged (MutateAsync fails the test on any other answer), every public
        // read answered, every host ready all along.
        var probes = new List<(string Host, HttpStatusCode Status)>();
        var municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities).All;
        var codes = municipalities.Select(m => m.Code).Take(Mutations).ToArray();
        foreach (var code in codes)
        {
            await ClusterTopologyTests.MutateAsync(secretariat, Nomination(year, code));
            var answer = JsonNode.Parse(await ClusterTopologyTests.AskAsync(cluster.Haproxy, question))!;
            Assert.True(answer["errors"] is null && answer["data"]?["round"]?["status"] is not null, $"A public read failed: {answer.ToJsonString()}");
            await ProbeAsync(cluster, probes);
        }

        Assert.True(await EveryHostReadsFromAsync(cluster, "primary", probes), "Not every host turned to the primary with its replica gone.");
        Assert.True(
            await Eventually.HoldsAsync(
                async () => codes.All((await ClusterTopologyTests.AskAsync(cluster.Haproxy, question)).Contains),
                Wait),
            "The public never read every acknowledged nomination.");
        Assert.All(probes, probe => Assert.Equal((probe.Host, HttpStatusCode.OK), probe));
        Assert.All((await cluster.HostsSeenByHaproxyAsync()).Values, status => Assert.Equal("UP", status));
        output.WriteLine($"{Mutations} mutations acknowledged and {probes.Count} readiness probes answered 200 with the replica killed.");

        await StartReplicaAsync(cluster);
        Assert.True(await EveryHostReadsFromAsync(cluster, "replica"), "Not every host returned to the replica once it was back.");
        var after = municipalities[Mutations].Code;
        await ClusterTopologyTests.MutateAsync(secretariat, Nomination(year, after));
        Assert.True(
            await Eventually.HoldsAsync(
                async () => (await ClusterTopologyTests.AskAsync(cluster.Haproxy, question)).Contains(after, StringComparison.Ordinal),
                Wait),
            "The public never read the nomination made once the replica was back.");
    }

    [Fact]
    public async Task With_the_replica_hung_every_mutation_is_acknowledged_and_every_public_read_answered_then_the_hosts_return_to_it()
    {
        await using var cluster = await OpsCluster.StartAsync();
        using var secretariat = OpsCluster.Client(cluster.Haproxy, secretariat: true);
        var (year, question) = await OpenRoundOnTheReplicaAsync(cluster, secretariat);

        // A replica that hangs (its machine stalled, its disk stuck) accepts connections and answers nothing: unlike a
        // killed one, nothing tells the hosts it is gone.
        Signal(cluster, "STOP");
        var codes = MunicipalityDirectory.Load(SeedFiles.Municipalities).All.Select(m => m.Code).Take(Mutations).ToArray();
        var slowest = TimeSpan.Zero;
        try
        {
            foreach (var code in codes)
            {
                await ClusterTopologyTests.MutateAsync(secretariat, Nomination(year, code));

                // Both ways the hosts read, each first in its operation: the round in time (Marten's event API on a
                // connection of the read route), then as it is now (SQL over the views).
                foreach (var read in new[] { $"{{ round(year: {year}, version: 1) {{ status }} }}", question })
                {
                    var clock = Stopwatch.StartNew();
                    var answer = JsonNode.Parse(await ClusterTopologyTests.AskAsync(cluster.Haproxy, read))!;
                    slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                    Assert.True(
                        answer["errors"] is null && answer["data"]?["round"]?["status"] is not null, $"A public read failed: {answer.ToJsonString()}");
                }
            }

            Assert.True(await EveryHostReadsFromAsync(cluster, "primary"), "Not every host turned to the primary with its replica hung.");
            Assert.True(
                await Eventually.HoldsAsync(
                    async () => codes.All((await ClusterTopologyTests.AskAsync(cluster.Haproxy, question)).Contains),
                    Wait),
                "The public never read every acknowledged nomination.");
            Assert.All((await cluster.HostsSeenByHaproxyAsync()).Values, status => Assert.Equal("UP", status));
            output.WriteLine($"{Mutations} mutations acknowledged and twice as many public reads answered with the replica hung; the slowest took " +
                $"{slowest.TotalMilliseconds:0} ms.");
        }
        finally
        {
            Signal(cluster, "CONT");
        }

        Assert.True(await EveryHostReadsFromAsync(cluster, "replica"), "Not every host returned to the replica once it answered again.");
    }

    /// <summary>Sends <paramref name="signal"/> to the replica's postmaster and every process it started.</summary>
    private static void Signal(OpsCluster cluster, string signal)
    {
        var pid = ReplicaPostmaster(cluster);
        using var kill = Process.Start("bash", ["-c", $"pkill -{signal} -P {pid}; kill -{signal} {pid}"]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits until every host reads the replica, then opens a new round; returns its year and a public question about it.</summary>
    private static async Task<(int Year, string Question)> OpenRoundOnTheReplicaAsync(OpsCluster cluster, HttpClient secretariat)
    {
        Assert.True(await EveryHostReadsFromAsync(cluster, "replica"), "Not every host read the replica once the cluster was up.");
        var year = RoundYears.Next(cluster.PrimaryConnectionString);
        await ClusterTopologyTests.MutateAsync(
            secretariat, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
        return (year, $"{{ round(year: {year}) {{ status nominees {{ municipality {{ code }} }} }} }}");
    }

    private static string Nomination(int year, string code) =>
        $"mutation {{ nominateMunicipality(input: {{ year: {year}, municipalityCode: \"{code}\" }}) " +
        "{ round { version } errors { ... on Error { code } } } }";

    /// <summary>SIGKILL to the replica's postmaster.</summary>
    private static void KillReplica(OpsCluster cluster)
    {
        using var postmaster = Process.GetProcessById(ReplicaPostmaster(cluster));
        postmaster.Kill();
    }

    private static int ReplicaPostmaster(OpsCluster cluster) =>
        Postmaster.Of(Path.Combine(cluster.Base, "replica")) ?? throw new InvalidOperationException("The replica runs no server.");

    /// <summary>
    /// Starts the replica again with the command <c>ops/cluster</c> started it with (which tries for a minute: its killed
    /// postmaster's children may hold its shared memory for a moment).
    /// </summary>
    private static async Task StartReplicaAsync(OpsCluster cluster)
    {
        using var start = Process.Start("bash", [Path.Combine(cluster.Base, "run", "replica.start")]);
        await start.WaitForExitAsync();
        Assert.True(start.ExitCode == 0, $"The replica did not start again:\n{cluster.Log("replica")}");
    }

    private static async Task<bool> EveryHostReadsFromAsync(OpsCluster cluster, string source, List<(string Host, HttpStatusCode Status)>? probes = null) =>
        await Eventually.HoldsAsync(
            async () =>
            {
                var reports = await ProbeAsync(cluster, probes ?? []);
                return reports.All(r => (string?)r["data"]!["readsFrom"] == source);
            },
            Wait * 2);

    /// <summary>Every host's readiness, each probe's status kept in <paramref name="probes"/>; the replica checks.</summary>
    private static async Task<List<JsonNode>> ProbeAsync(OpsCluster cluster, List<(string Host, HttpStatusCode Status)> probes)
    {
        var reports = new List<JsonNode>();
        for (var i = 0; i < OpsCluster.Hosts.Length; i++)
        {
            var ready = await ClusterTopologyTests.ReadyAsync(cluster.Host(i));
            probes.Add((OpsCluster.Hosts[i], ready.Status));
            reports.Add(ready.Replica);
        }

        return reports;
    }
}

using System.Diagnostics;
using System.Net;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Ops;

public sealed partial class ClusterTopologyTests
{
    [Fact]
    public async Task Varnish_serves_its_stored_copy_while_every_host_answers_503_past_max_age_and_stale_while_revalidate()
    {
        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        var query = $"{{ round(year: {year}) {{ status }} }}";
        using var varnish = OpsCluster.Client(Cluster.Varnish);
        using var haproxy = OpsCluster.Client(Cluster.Haproxy);
        using (var first = await varnish.SendAsync(Get(query)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        try
        {
            // Every host out of HAProxy (maintenance, as an operator would put them): HAProxy itself answers 503.
            foreach (var host in OpsCluster.Hosts)
            {
                await Cluster.HaproxyCommandAsync($"set server reads/{host} state maint");
            }

            using (var refused = await haproxy.SendAsync(Get(query)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            }

            // Past max-age and stale-while-revalidate both, every answer is the stored copy.
            var outage = Stopwatch.StartNew();
            var limit = TimeSpan.FromSeconds(ReplicatedCluster.EdgeMaxAgeSeconds + ReplicatedCluster.EdgeStaleWhileRevalidateSeconds + 3);
            var answers = 0;
            while (outage.Elapsed < limit)
            {
                using var answer = await varnish.SendAsync(Get(query));
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"Varnish answered {(int)answer.StatusCode} after {outage.Elapsed.TotalSeconds:0.0} s.");
                Assert.Equal(NoRound(year), await answer.Content.ReadAsStringAsync());
                answers++;
                await Task.Delay(250);
            }

            output.WriteLine($"{answers} answers from the stored copy in {outage.Elapsed.TotalSeconds:0.0} s with no host.");
        }
        finally
        {
            foreach (var host in OpsCluster.Hosts)
            {
                await Cluster.HaproxyCommandAsync($"set server reads/{host} state ready");
            }
        }

        Assert.True(
            await Eventually.HoldsAsync(async () => (await Cluster.HostsSeenByHaproxyAsync()).Values.All(status => status == "UP"), Wait),
            "HAProxy did not take the hosts back.");
    }
}

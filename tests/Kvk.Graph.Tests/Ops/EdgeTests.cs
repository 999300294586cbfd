using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kvk.Bench.Gala;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Xunit.Abstractions;

namespace Kvk.Graph.Tests.Ops;

/// <summary>
/// The edge as <c>ops/cluster</c> wires it, with the rate limit on (<see cref="EdgeCluster"/>): whose address a request
/// is counted against behind HAProxy and Varnish, from clients bound to addresses of their own (127.0.0.2, …), and
/// Varnish purged by the hosts when something is recorded.
/// </summary>
public sealed partial class EdgeTests(EdgeCluster fixture, ITestOutputHelper output) : IClassFixture<EdgeCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly IPAddress Flooder = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Bystander = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress Spoofer = IPAddress.Parse("127.0.0.4");

    private OpsCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_flood_through_haproxy_spends_only_the_flooders_budget_and_every_host_stays_up()
    {
        using var flooder = From(Flooder, Cluster.Haproxy);
        using var bystander = From(Bystander, Cluster.Haproxy);

        // A client on the proxies' own machine, at a host directly: it spends the budget of the address HAProxy checks from.
        using var neighbour = OpsCluster.Client(Cluster.Host(0));
        var flooded = new ConcurrentBag<HttpStatusCode>();
        var neighbours = new ConcurrentBag<HttpStatusCode>();
        var bystanders = new List<HttpStatusCode>();
        var notUp = new List<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        var floods = Enumerable.Range(0, 4).Select(_ => FloodAsync(flooder, flooded, stop.Token))
            .Append(FloodAsync(neighbour, neighbours, stop.Token)).ToList();
        while (!stop.IsCancellationRequested)
        {
            using (var answer = await bystander.GetAsync("/"))
            {
                bystanders.Add(answer.StatusCode);
            }

            notUp.AddRange((await Cluster.HostsSeenByHaproxyAsync()).Where(h => h.Value != "UP").Select(h => $"{h.Key} {h.Value}"));
            await Task.Delay(300);
        }

        await Task.WhenAll(floods);
        output.WriteLine($"Flood: {flooded.Count} requests, {flooded.Count(s => s == HttpStatusCode.TooManyRequests)} refused; at kvk1 directly " +
            $"{neighbours.Count}, {neighbours.Count(s => s == HttpStatusCode.TooManyRequests)} refused; bystander: {string.Join(' ', bystanders.Select(s => (int)s))}");
        Assert.Contains(HttpStatusCode.TooManyRequests, flooded);
        Assert.Contains(HttpStatusCode.TooManyRequests, neighbours);
        Assert.All(bystanders, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Empty(notUp);
    }

    [Fact]
    public async Task A_spoofed_x_forwarded_for_spends_the_senders_budget_not_the_named_addresses()
    {
        using var victim = From(Bystander, Cluster.Haproxy);
        foreach (var entry in new[] { Cluster.Haproxy, Cluster.Varnish })
        {
            using var spoofer = From(Spoofer, entry);
            var statuses = new List<HttpStatusCode>();

            // Naming the victim, or a new address each time: were either believed, no request would be refused.
            for (var round = 0; !statuses.Contains(HttpStatusCode.TooManyRequests) && round < EdgeCluster.Burst; round++)
            {
                statuses.AddRange(await Task.WhenAll(Enumerable.Range(round * 10, 10).Select(async i =>
                {
                    using var request = Typename();
                    request.Headers.Add("X-Forwarded-For", i % 2 == 0 ? Bystander.ToString() : $"198.51.100.{(i % 250) + 1}");
                    using var answer = await spoofer.SendAsync(request);
                    return answer.StatusCode;
                })));
            }

            using var victims = await victim.SendAsync(Typename());
            var left = Remaining(victims);
            output.WriteLine($"Through {entry}: the spoofer was refused after {statuses.Count} requests; the victim has {left} permits left.");
            Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
            Assert.Equal(HttpStatusCode.OK, victims.StatusCode);
            Assert.True(left >= EdgeCluster.Burst / 2, $"The victim had {left} of {EdgeCluster.Burst} permits left.");
        }
    }

    [Fact]
    public async Task A_recorded_change_shows_at_the_edge_long_before_max_age_because_the_hosts_purge_varnish()
    {
        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        var query = $"{{ round(year: {year}) {{ status }} }}";
        using var varnish = OpsCluster.Client(Cluster.Varnish);
        Assert.True(await Eventually.HoldsAsync(async () => (await AskAsync(varnish, query)).Status == HttpStatusCode.OK, Wait));
        var stored = await AskAsync(varnish, query);
        Assert.Equal("HIT", stored.Cache);
        Assert.DoesNotContain("NOMINATING", stored.Body, StringComparison.Ordinal);

        // Nobody but the hosts may purge.
        using (var outsider = From(Flooder, Cluster.Varnish))
        using (var ban = await outsider.SendAsync(new HttpRequestMessage(new HttpMethod("BAN"), "/")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ban.StatusCode);
        }

        Assert.Equal("HIT", (await AskAsync(varnish, query)).Cache);

        // A read that asks for a data version (read-your-writes) is never answered from the store, which may be older.
        Assert.Equal("MISS", (await AskAsync(varnish, query, afterVersion: "1")).Cache);

        // The secretariat through Varnish: passed to HAProxy's frontend of requests with a token.
        using var secretary = OpsCluster.Client(Cluster.Varnish, secretariat: true);
        await ClusterTopologyTests.MutateAsync(
            secretary, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
        var clock = Stopwatch.StartNew();

        // Varnish may keep the answer five minutes: showing the change sooner, it was purged.
        Assert.True(
            await Eventually.HoldsAsync(async () => (await AskAsync(varnish, query)).Body.Contains("NOMINATING", StringComparison.Ordinal), Wait),
            "Varnish kept showing the round as it was.");
        output.WriteLine($"The change showed through Varnish {clock.Elapsed.TotalSeconds:0.0} s after the mutation was acknowledged.");
    }

    private static async Task FloodAsync(HttpClient client, ConcurrentBag<HttpStatusCode> statuses, CancellationToken stop)
    {
        for (var i = 0; i < 20_000 && !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var answer = await client.GetAsync("/", stop);
                statuses.Add(answer.StatusCode);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static HttpRequestMessage Typename() => new(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json("{\"query\":\"{ __typename }\"}") };

    /// <summary>The permits the client has left, from the answer's <c>RateLimit</c> header (<c>"operations";r=37;t=1</c>).</summary>
    private static int Remaining(HttpResponseMessage answer) =>
        int.Parse(RemainingPermits().Match(string.Join(',', answer.Headers.GetValues("RateLimit"))).Groups[1].Value, CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, string Body, string? Cache)> AskAsync(HttpClient client, string query, string? afterVersion = null)
    {
        using var request = ClusterTopologyTests.Get(query);
        if (afterVersion is not null)
        {
            request.Headers.Add(DataVersion.AfterVersionHeader, afterVersion);
        }

        using var answer = await client.SendAsync(request);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.Headers.TryGetValues("X-Cache", out var cache) ? cache.Single() : null);
    }

    /// <summary>A client whose connections come from <paramref name="source"/> (a loopback address of its own), to <paramref name="address"/>.</summary>
    internal static HttpClient From(IPAddress source, Uri address) => new(WatcherAddresses.HandlerFrom(source))
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    [GeneratedRegex(@"r=(\d+)")]
    private static partial Regex RemainingPermits();
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Npgsql;
using Xunit.Abstractions;

namespace Kvk.Graph.Tests.Ops;

/// <summary>
/// Kvk as <c>ops/cluster</c> runs it: Varnish, HAProxy, three host processes, a PostgreSQL primary and a streaming
/// replica whose replay trails by a quarter of a second (see <see cref="ReplicatedCluster"/>). One cluster serves
/// every test here, and the failover test, which kills a host and then stops the cluster, runs last.
/// </summary>
[TestCaseOrderer(RunsLastOrderer.Name, RunsLastOrderer.Assembly)]
public sealed partial class ClusterTopologyTests(ReplicatedCluster fixture, ITestOutputHelper output) : IClassFixture<ReplicatedCluster>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private OpsCluster Cluster => fixture.Cluster;

    /// <summary>The exact answer to <c>round(year:)</c> for a round not recorded: null, with the reason beside it.</summary>
    private static string NoRound(int year) =>
        $"{{\"data\":{{\"round\":null}},\"extensions\":{{\"lookups\":[{{\"path\":[\"round\"],\"code\":\"NO_SUCH_ROUND\",\"message\":\"No round of {year} has " +
            "been recorded in Kvk.\"}]}}";

    [Fact]
    public async Task Queries_answer_through_varnish_and_haproxy_and_varnish_stores_only_what_is_marked_cacheable_for_everyone()
    {
        const string Query = "{ awards { totalCount } }";
        foreach (var entry in new[] { Cluster.Varnish, Cluster.Haproxy })
        {
            using var client = OpsCluster.Client(entry);
            using var post = await client.PostAsync("/graphql", KvkTestServer.Json(JsonSerializer.Serialize(new { query = Query })));
            using var get = await client.SendAsync(Get(Query));

            Assert.Equal("{\"data\":{\"awards\":{\"totalCount\":11}}}", await post.Content.ReadAsStringAsync());
            Assert.Equal("{\"data\":{\"awards\":{\"totalCount\":11}}}", await get.Content.ReadAsStringAsync());
        }

        using var varnish = OpsCluster.Client(Cluster.Varnish);
        using var firstAnswer = await varnish.SendAsync(Get(Query));
        using var secondAnswer = await varnish.SendAsync(Get(Query));
        using var secondPost = await varnish.PostAsync("/graphql", KvkTestServer.Json(JsonSerializer.Serialize(new { query = Query })));
        using var answerWithToken = Get(Query);
        answerWithToken.Headers.Authorization = new("Bearer", OpsCluster.Token);
        using var secondAnswerWithToken = await varnish.SendAsync(answerWithToken);
        using var firstAsset = await varnish.GetAsync("/graphql/assets/graphiql.min.css");
        using var secondAsset = await varnish.GetAsync("/graphql/assets/graphiql.min.css");
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/graphql/assets/graphiql.min.css")
        {
            Headers = { Authorization = new("Bearer", OpsCluster.Token) },
        };
        using var assetWithToken = await varnish.SendAsync(withToken);

        // A public answer over GET is everyone's: Varnish keeps it for seconds. A POST, or anything asked with a token, never.
        Assert.True(FromVarnishCache(secondAnswer), "Varnish did not store a public GraphQL answer over GET.");
        Assert.Equal("HIT", secondAnswer.Headers.GetValues("X-Cache").Single());
        Assert.False(FromVarnishCache(secondPost), "Varnish answered a POST from its cache.");
        Assert.False(FromVarnishCache(secondAnswerWithToken), "Varnish answered a request with a token from its cache.");
        Assert.True(secondAnswerWithToken.Headers.CacheControl is { Private: true, NoStore: true });
        Assert.Equal(HttpStatusCode.OK, secondAsset.StatusCode);
        Assert.Equal("public, max-age=86400", secondAsset.Headers.CacheControl?.ToString());
        Assert.True(FromVarnishCache(secondAsset), "Varnish did not store an asset marked public.");
        Assert.False(FromVarnishCache(assetWithToken), "Varnish answered a request with a token from its cache.");
    }

    [Fact]
    public async Task A_change_recorded_on_one_host_reaches_subscribers_on_every_host_and_a_read_after_the_notification_shows_it()
    {
        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        var question = $"{{ round(year: {year}) {{ status nominees {{ municipality {{ code }} }} }} }}";
        var subscription = $"subscription {{ roundChanged(year: {year}) {{ status version nominees {{ municipality {{ code }} }} }} }}";

        // Every host answers before the change, from the replica, and keeps that answer in its response cache.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(NoRound(year), await AskAsync(Cluster.Host(i), question));
        }

        await using var throughVarnish = NodeScript.Start("subscribe.mjs", WebSocketUrl(Cluster.Varnish), subscription, "2");
        var subscribers = new List<(NodeScript Script, string Host)>();
        try
        {
            await FollowOnEveryHostAsync(subscription, subscribers);
            Assert.True((bool)(await throughVarnish.NextJsonAsync(Wait))["ready"]!);
            using var sse = await SseSubscription.OpenAsync(OpsCluster.Client(Cluster.Varnish), subscription);

            using var kvk1 = OpsCluster.Client(Cluster.Host(0), secretariat: true);
            foreach (var (mutation, expected) in new[]
            {
                ($"openRound(input: {{ year: {year} }})", "{\"data\":{\"round\":{\"status\":\"NOMINATING\",\"nominees\":[]}}}"),
                (
                    $"nominateMunicipality(input: {{ year: {year}, municipalityCode: \"0643\" }})",
                    "{\"data\":{\"round\":{\"status\":\"NOMINATING\",\"nominees\":[{\"municipality\":{\"code\":\"0643\"}}]}}}"),
            })
            {
                var clock = Stopwatch.StartNew();
                await MutateAsync(kvk1, $"mutation {{ {mutation} {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
                var acknowledged = clock.Elapsed;
                foreach (var (script, host) in subscribers)
                {
                    var change = await script.NextJsonAsync(Wait);
                    var arrived = clock.Elapsed;

                    // Read at once through the subscriber's host: its replica has replayed the change.
                    Assert.Equal(expected, await AskAsync(Cluster.Host(Array.IndexOf(OpsCluster.Hosts, host)), question));
                    Assert.NotNull(change["data"]?["roundChanged"]);
                    output.WriteLine($"{mutation}: acknowledged after {acknowledged.TotalMilliseconds:0} ms, at the subscriber on {host} after " +
                        $"{arrived.TotalMilliseconds:0} ms");
                }

                Assert.NotNull((await throughVarnish.NextJsonAsync(Wait))["data"]?["roundChanged"]);
            }

            Assert.Contains("0643", await sse.NextDataAsync(data => data.Contains("0643", StringComparison.Ordinal), Wait), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (script, _) in subscribers)
            {
                await script.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Ready_reports_the_replica_lag_and_past_the_bound_the_host_stays_ready_reads_the_primary_and_returns_to_the_replica_once_caught_up()
    {
        var healthy = await ReadyAsync(Cluster.Host(0));
        Assert.Equal(HttpStatusCode.OK, healthy.Status);
        Assert.Equal("Healthy", (string?)healthy.Replica["status"]);
        Assert.Equal("replica", (string?)healthy.Replica["data"]!["readsFrom"]);
        Assert.False((bool)healthy.Replica["data"]!["readsFromPrimary"]!);
        Assert.True((long)healthy.Replica["data"]!["replicaLagBytes"]! >= 0);
        Assert.True((double)healthy.Replica["data"]!["replicaLagSeconds"]! < ReplicatedCluster.MaxLagSeconds);

        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        await using var subscriber = NodeScript.Start(
            "subscribe.mjs", WebSocketUrl(Cluster.Haproxy), $"subscription {{ roundChanged(year: {year}) {{ status }} }}", "1");
        Assert.True((bool)(await subscriber.NextJsonAsync(Wait))["ready"]!);
        await using var replica = new NpgsqlConnection(Cluster.ReplicaSuperuserConnectionString);
        await replica.OpenAsync();
        await ExecuteAsync(replica, "select pg_wal_replay_pause()");
        try
        {
            using var kvk2 = OpsCluster.Client(Cluster.Host(1), secretariat: true);
            await MutateAsync(kvk2, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");

            // The host waited for the replica as long as the bound allows, then published and said so.
            Assert.Equal("{\"data\":{\"roundChanged\":{\"status\":\"NOMINATING\"}}}", (await subscriber.NextJsonAsync(Wait)).ToJsonString());
            Assert.Contains(OpsCluster.Hosts, host => Cluster.Log(host).Contains($"had not replayed the change to round {year}", StringComparison.Ordinal));

            // Past the bound the host reads the primary and stays ready: degraded, and its report says why.
            var probes = new List<HttpStatusCode>();
            Assert.True(
                await Eventually.HoldsAsync(
                    async () =>
                    {
                        var probe = await ReadyAsync(Cluster.Host(0));
                        probes.Add(probe.Status);
                        return (string?)probe.Replica["data"]!["readsFrom"] == "primary";
                    },
                    Wait),
                "The host kept reading a replica that trails past the bound.");
            Assert.All(probes, status => Assert.Equal(HttpStatusCode.OK, status));
            var lagging = await ReadyAsync(Cluster.Host(0));
            output.WriteLine($"While the replica was paused: {lagging.Replica.ToJsonString()}");
            Assert.Equal(HttpStatusCode.OK, lagging.Status);
            Assert.Equal("Degraded", lagging.Overall);
            Assert.Equal("Degraded", (string?)lagging.Replica["status"]);
            Assert.True((bool)lagging.Replica["data"]!["readsFromPrimary"]!);
            Assert.Contains("trails the primary", (string?)lagging.Replica["data"]!["reason"], StringComparison.Ordinal);
            Assert.True((long)lagging.Replica["data"]!["replicaLagBytes"]! > 0);
            Assert.True((double)lagging.Replica["data"]!["replicaLagSeconds"]! >= ReplicatedCluster.MaxLagSeconds);

            // The public's read shows what the paused replica has not replayed: it came from the primary.
            Assert.Equal(
                "{\"data\":{\"round\":{\"status\":\"NOMINATING\",\"nominees\":[]}}}",
                await AskAsync(Cluster.Host(0), $"{{ round(year: {year}) {{ status nominees {{ municipality {{ code }} }} }} }}"));
            Assert.All((await Cluster.HostsSeenByHaproxyAsync()).Values, status => Assert.Equal("UP", status));
        }
        finally
        {
            await ExecuteAsync(replica, "select pg_wal_replay_resume()");
        }

        Assert.True(
            await Eventually.HoldsAsync(async () => (string?)(await ReadyAsync(Cluster.Host(0))).Replica["data"]!["readsFrom"] == "replica", Wait),
            "The host did not return to the replica once it had caught up.");
        var recovered = await ReadyAsync(Cluster.Host(0));
        output.WriteLine($"After the replica resumed: {recovered.Replica.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal("Healthy", (string?)recovered.Replica["status"]);
    }

    /// <summary>
    /// Subscribers through HAProxy (<c>follow.mjs</c>, which reconnects when its connection drops), opened one after
    /// another until every host has one. HAProxy balances by least connections, so three usually do; connections
    /// that earlier tests' clients left may linger at HAProxy for a while and take a turn.
    /// </summary>
    private async Task FollowOnEveryHostAsync(string subscription, List<(NodeScript Script, string Host)> followers)
    {
        while (followers.Select(f => f.Host).Distinct().Count() < OpsCluster.Hosts.Length)
        {
            Assert.True(followers.Count < 2 * OpsCluster.Hosts.Length, $"HAProxy sent {followers.Count} subscribers to " +
                $"{string.Join(", ", followers.Select(f => f.Host))}.");
            var follower = NodeScript.Start("follow.mjs", WebSocketUrl(Cluster.Haproxy), subscription);
            var ready = await follower.NextJsonAsync(Wait);
            followers.Add((follower, (string)ready["host"]!));
        }
    }

    internal static string WebSocketUrl(Uri address) => new UriBuilder(address) { Scheme = "ws", Path = "/graphql" }.ToString();

    internal static HttpRequestMessage Get(string query) =>
        new(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query)) { Headers = { { "GraphQL-Require-Preflight", "1" } } };

    /// <summary>Varnish names two transactions in X-Varnish when it answers from its cache (this request's and the stored object's).</summary>
    private static bool FromVarnishCache(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Varnish", out var values) && values.Single().Split(' ').Length == 2;

    internal static async Task<string> AskAsync(Uri host, string query)
    {
        using var client = OpsCluster.Client(host);
        using var response = await client.PostAsync("/graphql", KvkTestServer.Json(JsonSerializer.Serialize(new { query })));
        return await response.Content.ReadAsStringAsync();
    }

    internal static async Task<JsonNode> MutateAsync(HttpClient client, string mutation)
    {
        using var response = await client.PostAsync("/graphql", KvkTestServer.Json(JsonSerializer.Serialize(new { query = mutation })));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var payload = body["data"]?.AsObject().Single().Value;
        Assert.True(payload?["round"] is not null && payload["errors"] is null, $"The mutation was not accepted: {body.ToJsonString()}");
        return payload!;
    }

    /// <summary>A host's readiness: the HTTP status, the report's overall status and its replica check.</summary>
    internal static async Task<(HttpStatusCode Status, string? Overall, JsonNode Replica)> ReadyAsync(Uri host)
    {
        using var client = OpsCluster.Client(host);
        using var response = await client.GetAsync("/health/ready");
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, (string?)report["status"], report["checks"]!["replica"]!);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

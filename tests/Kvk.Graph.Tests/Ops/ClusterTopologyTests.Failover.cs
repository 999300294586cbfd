using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Npgsql;

namespace Kvk.Graph.Tests.Ops;

public sealed partial class ClusterTopologyTests
{
    private const int AcknowledgedBeforeKill = 20;
    private const string Victim = "kvk2";

    [Fact]
    [RunsLast]
    public async Task A_host_killed_under_load_is_taken_out_loses_no_acknowledged_mutation_its_subscribers_reconnect_and_catch_up_and_sigterm_stops_everything()
    {
        var cluster = Cluster;
        var year = RoundYears.Next(cluster.PrimaryConnectionString);
        var followers = new List<(NodeScript Script, string Host)>();
        NodeScript? herald = null;
        try
        {
            await FollowOnEveryHostAsync($"subscription {{ roundChanged(year: {year}) {{ version }} }}", followers);

            // A subscriber of the award on the host that will die, which stays away until the award is announced.
            herald = await FollowOnAsync(Victim, "subscription { awardAnnounced(afterYear: 2023) { year recipientName } }");

            using var secretariat = OpsCluster.Client(cluster.Varnish, secretariat: true);
            var clock = Stopwatch.StartNew();
            await MutateAsync(
                secretariat, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
            foreach (var (follower, host) in followers)
            {
                Assert.Equal(1, (int)(await follower.NextJsonAsync(Wait))["data"]!["roundChanged"]!["version"]!);
                output.WriteLine($"openRound through Varnish: at the subscriber on {host} (through HAProxy) {clock.Elapsed.TotalMilliseconds:0} " +
                    "ms after it was sent");
            }

            var codes = MunicipalityDirectory.Load(SeedFiles.Municipalities).All.Select(m => m.Code).Take(60).ToArray();
            var load = new Load(cluster, secretariat, codes, year);
            var running = load.RunAsync(AcknowledgedBeforeKill, () =>
            {
                using var victim = Process.GetProcessById(cluster.ProcessId(Victim));
                victim.Kill();
            });
            var killedAt = await load.Killed;
            Assert.True(
                await Eventually.HoldsAsync(
                    async () => (await cluster.HostsSeenByHaproxyAsync())[Victim].StartsWith("DOWN", StringComparison.Ordinal),
                    Wait),
                $"HAProxy did not take {Victim} out.");
            output.WriteLine($"{Victim} killed with SIGKILL after {AcknowledgedBeforeKill} acknowledged mutations; HAProxy had it DOWN " +
                $"{(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0.0} s later");
            await running;
            output.WriteLine($"load: {codes.Length} nominations acknowledged after {load.Attempts} attempts ({load.Conflicts} concurrency conflicts, " +
                $"{load.Failures} failed requests); {load.Reads} reads, {load.FailedReads} failed");

            // The followers on the killed host connect again through HAProxy, to a live host; the others stay where they were.
            foreach (var (orphan, _) in followers.Where(f => f.Host == Victim))
            {
                JsonObject line;
                do
                {
                    line = await orphan.NextJsonAsync(Wait);
                }
                while (line["ready"] is null);

                Assert.Equal(2, (int)line["connection"]!);
                Assert.NotEqual(Victim, (string?)line["host"]);
                var after = DateTimeOffset.FromUnixTimeMilliseconds((long)line["at"]!) - killedAt;
                output.WriteLine($"a subscriber of {Victim} was subscribed again through HAProxy, on {line["host"]}, " +
                    $"{after.TotalSeconds:0.00} s after the kill");
            }

            Assert.True((bool)(await NextOfAsync(herald, "disconnected"))["disconnected"]!);
            await MutateAsync(
                secretariat, $"mutation {{ closeNominations(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
            var finalVersion = 1 + codes.Length + 1;
            foreach (var (follower, host) in followers)
            {
                var reconnected = false;
                JsonObject change;
                while ((change = await follower.NextJsonAsync(Wait))["data"]?["roundChanged"]?["version"]?.GetValue<int>() != finalVersion)
                {
                    reconnected |= change["ready"] is not null;
                }

                Assert.False(reconnected && host != Victim, $"The subscriber on {host} lost its connection too.");
            }

            // Every acknowledged mutation is in the record, once.
            var live = Array.IndexOf(OpsCluster.Hosts, followers.First(f => f.Host != Victim).Host);
            var round = JsonNode.Parse(
                await AskAsync(cluster.Host(live), $"{{ round(year: {year}) {{ version nominees {{ municipality {{ code }} }} }} }}"))!["data"]!["round"]!;
            var nominees = round["nominees"]!.AsArray().Select(n => (string)n!["municipality"]!["code"]!).ToHashSet();
            Assert.Equal(codes.Length, load.Acknowledged.Count);
            Assert.Subset(nominees, load.Acknowledged.ToHashSet());
            Assert.Equal(codes.Length, nominees.Count);
            Assert.True(finalVersion == (int)round["version"]!, $"A read after the last notification showed version {round["version"]}, not {finalVersion}. " +
                $"{cluster.ReplayWarnings()}");
            Assert.Equal(
                codes.Length,
                await ScalarAsync(
                    cluster.PrimaryConnectionString,
                    $"select count(*) from kvk.mt_events where stream_id = 'round-{year}' and type = 'municipality_nominated'"));

            // The award is announced while its subscriber is away; subscribing again as it did at first, it gets the award.
            await MutateAsync(
                secretariat,
                $"mutation {{ recordJuryDecision(input: {{ year: {year}, municipalityCode: \"{codes[0]}\", motivation: \"Motiveringen.\" }}) "
                + "{ round { version } errors { ... on Error { code } } } }");
            await MutateAsync(
                secretariat, $"mutation {{ announceAward(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
            var announced = DateTimeOffset.UtcNow;
            await herald.WriteLineAsync("reconnect");
            var back = await NextOfAsync(herald, "ready");
            Assert.NotEqual(Victim, (string?)back["host"]);
            Assert.Equal(year, (int)(await NextOfAsync(herald, "data"))["data"]!["awardAnnounced"]!["year"]!);
            output.WriteLine($"the award's subscriber of {Victim}, away at the announcement, had the award " +
                $"{(DateTimeOffset.UtcNow - announced).TotalSeconds:0.00} s after it was acknowledged, on {back["host"]}");

            // SIGTERM to the script (as Ctrl-C or a service manager) stops everything it started.
            foreach (var (follower, _) in followers)
            {
                await follower.DisposeAsync();
            }

            followers.Clear();
            Assert.Equal(143, await cluster.StopAsync());
            var ports = new[]
                {
                    cluster.Ports.Varnish, cluster.Ports.Haproxy, cluster.Ports.HaproxyLive, cluster.Ports.HaproxySecretariat, cluster.Ports.Stats,
                    cluster.Ports.Primary, cluster.Ports.Replica,
                }
                .Concat(cluster.Ports.Hosts);
            Assert.DoesNotContain(ports, Listening);
            Assert.Empty(Directory.GetFiles(Path.Combine(cluster.Base, "run")));
            Assert.DoesNotContain(new[] { "primary", "replica" }, c => File.Exists(Path.Combine(cluster.Base, c, "postmaster.pid")));
            Assert.Contains("Stopped.", cluster.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (follower, _) in followers)
            {
                await follower.DisposeAsync();
            }

            if (herald is not null)
            {
                await herald.DisposeAsync();
            }
        }
    }

    /// <summary>A subscriber through HAProxy in hold mode (<c>follow.mjs</c>), started again until HAProxy sends one to <paramref name="host"/>.</summary>
    private async Task<NodeScript> FollowOnAsync(string host, string subscription)
    {
        // The misses stay connected until the search ends, so that least-connections moves on to the other hosts.
        var misses = new List<NodeScript>();
        try
        {
            for (var attempt = 0; attempt < 2 * OpsCluster.Hosts.Length; attempt++)
            {
                var follower = NodeScript.Start("follow.mjs", WebSocketUrl(Cluster.Haproxy), subscription, "300", "hold");
                if ((string?)(await NextOfAsync(follower, "ready"))["host"] == host)
                {
                    return follower;
                }

                misses.Add(follower);
            }

            throw new InvalidOperationException($"HAProxy sent no subscriber to {host}.");
        }
        finally
        {
            foreach (var miss in misses)
            {
                await miss.DisposeAsync();
            }
        }
    }

    /// <summary>The next line of a script's output that has <paramref name="member"/>.</summary>
    private static async Task<JsonObject> NextOfAsync(NodeScript script, string member)
    {
        JsonObject line;
        do
        {
            line = await script.NextJsonAsync(Wait);
        }
        while (line[member] is null);

        return line;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Three writers nominate every code once through Varnish, each sending a mutation again (same clientMutationId)
    /// until it is acknowledged; two readers query through Varnish until the writers are done.
    /// </summary>
    private sealed class Load(OpsCluster cluster, HttpClient secretariat, string[] codes, int year)
    {
        private readonly TaskCompletionSource<DateTimeOffset> _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _attempts;
        private int _conflicts;
        private int _failures;
        private int _reads;
        private int _failedReads;

        public ConcurrentBag<string> Acknowledged { get; } = [];

        /// <summary>Completes when the kill has run, with its moment.</summary>
        public Task<DateTimeOffset> Killed => _killed.Task;

        public int Attempts => Volatile.Read(ref _attempts);

        public int Conflicts => Volatile.Read(ref _conflicts);

        public int Failures => Volatile.Read(ref _failures);

        public int Reads => Volatile.Read(ref _reads);

        public int FailedReads => Volatile.Read(ref _failedReads);

        /// <param name="kill">Run once, as soon as <paramref name="killAfter"/> mutations are acknowledged.</param>
        public async Task RunAsync(int killAfter, Action kill)
        {
            var next = -1;
            using var stopReading = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < codes.Length)
                {
                    await NominateAsync(codes[i]);
                    if (Acknowledged.Count >= killAfter)
                    {
                        lock (_killed)
                        {
                            if (!_killed.Task.IsCompleted)
                            {
                                kill();
                                _killed.SetResult(DateTimeOffset.UtcNow);
                            }
                        }
                    }
                }
            })).ToArray();
            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ReadAsync(stopReading.Token))).ToArray();
            try
            {
                await Task.WhenAll(writers);
            }
            finally
            {
                await stopReading.CancelAsync();
                await Task.WhenAll(readers);
                _killed.TrySetException(new InvalidOperationException($"The load ended before {killAfter} mutations were acknowledged."));
            }
        }

        private async Task NominateAsync(string code)
        {
            var mutation = JsonSerializer.Serialize(new
            {
                query = "mutation($input: NominateMunicipalityInput!) { nominateMunicipality(input: $input) { round { version } errors { ... on " +
                    "Error { code } } } }",
                variables = new { input = new { year, municipalityCode = code, clientMutationId = $"nominate-{code}" } },
            });
            while (true)
            {
                Interlocked.Increment(ref _attempts);
                try
                {
                    using var response = await secretariat.PostAsync("/graphql", KvkTestServer.Json(mutation));
                    var payload = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["data"]?["nominateMunicipality"];
                    if (payload?["round"] is not null && payload["errors"] is null)
                    {
                        Acknowledged.Add(code);
                        return;
                    }

                    if (payload?["errors"]?[0]?["code"]?.GetValue<string>() == "CONCURRENCY_CONFLICT")
                    {
                        Interlocked.Increment(ref _conflicts);
                        continue;
                    }

                    Interlocked.Increment(ref _failures);
                }
                catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
                {
                    Interlocked.Increment(ref _failures);
                }

                await Task.Delay(50);
            }
        }

        private async Task ReadAsync(CancellationToken stop)
        {
            using var client = OpsCluster.Client(cluster.Varnish);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.SendAsync(
                        Get($"{{ round(year: {year}) {{ version nominees {{ municipality {{ name }} }} }} }}"), CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref _reads);
                    }
                    else
                    {
                        Interlocked.Increment(ref _failedReads);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _failedReads);
                }
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text.Json;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Npgsql;

namespace Kvk.Graph.Tests.Ops;

/// <summary>What the night of the announcement needs of the topology: passwords, fresh reads for the secretariat, an edge cache.</summary>
public sealed partial class ClusterTopologyTests
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Every_connection_to_either_cluster_needs_a_password_kept_in_an_owner_only_password_file()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Cluster.PasswordFile));
        Assert.DoesNotContain(
            File.ReadLines(Path.Combine(Cluster.Base, "primary", "pg_hba.conf")).Where(l => !l.TrimStart().StartsWith('#')),
            line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Contains("trust"));
        foreach (var port in new[] { Cluster.Ports.Primary, Cluster.Ports.Replica })
        {
            foreach (var user in new[] { "kvk", "postgres", "kvk_replication" })
            {
                await using var wrong = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username={user};Password=not-the-password;Database=postgres");
                var refused = await Assert.ThrowsAsync<PostgresException>(() => wrong.OpenAsync());
                Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
            }
        }

        await using var primary = new NpgsqlConnection(Cluster.PrimarySuperuserConnectionString);
        await primary.OpenAsync();
        Assert.Equal("kvk_replication", await ScalarTextAsync(primary, "select string_agg(usename, ',') from pg_stat_replication"));
        Assert.Equal("false", await ScalarTextAsync(primary, "select rolsuper::text from pg_roles where rolname = 'kvk'"));
        Assert.Equal("kvk", await ScalarTextAsync(primary, "select pg_get_userbyid(datdba) from pg_database where datname = 'kvk'"));
    }

    [Fact]
    public async Task A_secretary_reads_the_primary_and_sees_a_change_at_once_while_the_public_reads_the_lagging_replica()
    {
        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        var question = $"{{ round(year: {year}) {{ status nominees {{ municipality {{ code }} }} }} }}";
        await using var replica = new NpgsqlConnection(Cluster.ReplicaSuperuserConnectionString);
        await replica.OpenAsync();
        await ExecuteAsync(replica, "select pg_wal_replay_pause()");
        try
        {
            using var secretary = OpsCluster.Client(Cluster.Host(2), secretariat: true);
            await MutateAsync(secretary, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
            await MutateAsync(
                secretary,
                $"mutation {{ nominateMunicipality(input: {{ year: {year}, municipalityCode: \"2480\" }}) "
                + "{ round { version } errors { ... on Error { code } } } }");

            Assert.Equal(
                "{\"data\":{\"round\":{\"status\":\"NOMINATING\",\"nominees\":[{\"municipality\":{\"code\":\"2480\"}}]}}}",
                await AskAsync(secretary, question));
            await AssertReadsTheLaggingReplicaAsync(Cluster.Host(2), question, NoRound(year));
            await AssertReadsTheLaggingReplicaAsync(Cluster.Host(0), question, NoRound(year));
        }
        finally
        {
            await ExecuteAsync(replica, "select pg_wal_replay_resume()");
        }

        Assert.True(
            await Eventually.HoldsAsync(async () => (await AskAsync(Cluster.Host(0), question)).Contains("2480", StringComparison.Ordinal), Wait),
            "The public never saw the change once the replica replayed it.");
        Assert.True(
            await Eventually.HoldsAsync(async () => (await Cluster.HostsSeenByHaproxyAsync()).Values.All(status => status == "UP"), Wait),
            "HAProxy did not take the hosts back once they were ready again.");
    }

    /// <summary>
    /// The public's answer on <paramref name="host"/> is the paused replica's, <paramref name="stale"/>: unless the host, by
    /// the time it was asked, had seen the replica trail past the bound and turned to the primary (its report says so after).
    /// The replica cannot catch up while paused, so a host still reading it after the answer read it for the answer too.
    /// </summary>
    private async Task AssertReadsTheLaggingReplicaAsync(Uri host, string question, string stale)
    {
        var answer = await AskAsync(host, question);
        var ready = await ReadyAsync(host);
        if ((string?)ready.Replica["data"]!["readsFrom"] == "replica")
        {
            Assert.Equal(stale, answer);
        }
        else
        {
            Assert.True(
                (double)ready.Replica["data"]!["replicaLagSeconds"]! >= ReplicatedCluster.MaxLagSeconds,
                $"The host reads the primary with its replica inside the bound: {ready.Replica.ToJsonString()}");
            output.WriteLine($"{host} had turned to the primary before it was asked (the machine is slow): {ready.Replica.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Varnish_answers_304_to_a_client_that_has_the_answer_revalidates_with_the_hosts_and_shows_a_change_under_a_new_etag()
    {
        var year = RoundYears.Next(Cluster.PrimaryConnectionString);
        var query = $"{{ round(year: {year}) {{ status version }} }}";

        // As browsers do: Varnish keeps answers gzipped, and one it unzips for a client is another representation (a weak tag).
        using var varnish = GzipClient(Cluster.Varnish);
        using var first = await varnish.SendAsync(Get(query));
        var tag = first.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(NoRound(year), await first.Content.ReadAsStringAsync());
        Assert.True(tag is { IsWeak: false }, $"ETag: {tag}");
        for (var i = 0; i < OpsCluster.Hosts.Length; i++)
        {
            using var direct = GzipClient(Cluster.Host(i));
            using var fromHost = await direct.SendAsync(Get(query));
            Assert.Equal(tag, fromHost.Headers.ETag);
        }

        // Asked again until Varnish answers from its copy: a purge (the hosts send one when an earlier test's change reaches
        // them) may have dropped it meanwhile, and the next answer is stored again under the same tag.
        Assert.True(
            await Eventually.HoldsAsync(async () =>
            {
                using var conditional = await varnish.SendAsync(WithTag(Get(query), tag!));
                return conditional.StatusCode == HttpStatusCode.NotModified && conditional.Headers.GetValues("X-Cache").Single() == "HIT";
            }, Wait),
            "Varnish never answered 304 from its copy to a client that had it.");

        // Past max-age (1 s here) Varnish answers from its copy and asks a host in the background with the copy's ETag.
        var revalidated = await VarnishCounterAsync("MAIN.fetch_304");
        Assert.True(
            await Eventually.HoldsAsync(async () =>
            {
                using var again = await varnish.SendAsync(Get(query));
                return again.StatusCode == HttpStatusCode.OK && await VarnishCounterAsync("MAIN.fetch_304") > revalidated;
            }, Wait),
            "Varnish never revalidated its copy with a host (no 304 fetched).");

        using var secretary = OpsCluster.Client(Cluster.Host(1), secretariat: true);
        await MutateAsync(secretary, $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}");
        var clock = Stopwatch.StartNew();
        EntityTagHeaderValue? changedTag = null;
        Assert.True(
            await Eventually.HoldsAsync(async () =>
            {
                using var answer = await varnish.SendAsync(Get(query));
                changedTag = answer.Headers.ETag;
                return (await answer.Content.ReadAsStringAsync()).Contains("NOMINATING", StringComparison.Ordinal);
            }, Wait),
            "Varnish kept showing the round as it was.");
        output.WriteLine($"The change showed through Varnish {clock.Elapsed.TotalSeconds:0.0} s after the mutation was acknowledged.");
        Assert.NotEqual(tag, changedTag);
        using var stale = await varnish.SendAsync(WithTag(Get(query), tag!));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(changedTag, stale.Headers.ETag);
    }

    private static HttpClient GzipClient(Uri address) =>
        new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    private static HttpRequestMessage WithTag(HttpRequestMessage request, EntityTagHeaderValue tag)
    {
        request.Headers.IfNoneMatch.Add(tag);
        return request;
    }

    /// <summary>One of Varnish's counters (varnishstat), e.g. MAIN.fetch_304: fetches a backend answered 304.</summary>
    private async Task<long> VarnishCounterAsync(string name)
    {
        var start = new ProcessStartInfo("varnishstat") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-1", "-n", Path.Combine(Cluster.Base, "varnish", "work"), "-f", name })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static async Task<string> AskAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync("/graphql", KvkTestServer.Json(JsonSerializer.Serialize(new { query })));
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string?> ScalarTextAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

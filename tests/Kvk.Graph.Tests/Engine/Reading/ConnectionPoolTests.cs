using System.Text;
using System.Text.Json.Nodes;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Tests.Secretariat;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Reading;

/// <summary>
/// A statement that fails, whichever way (refused by PostgreSQL, cancelled, a conflict inside a batch), never
/// leaves a pooled connection that hands the next command another command's rows.
/// </summary>
[Collection(SecretariatHost.Name)]
public sealed class ConnectionPoolTests(SecretariatKvk kvk)
{
    [Fact]
    public async Task Reads_run_without_jit_and_with_a_statement_timeout_equal_to_the_execution_timeout()
    {
        using var scope = kvk.Server.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ReadStore>();

        var settings = await store.ValuesAsync("select current_setting('jit'), current_setting('statement_timeout')", [], CancellationToken.None);

        Assert.Equal("off", settings[0][0]);
        Assert.Equal("10s", settings[0][1]);
    }

    [Fact]
    public async Task A_read_refused_or_cancelled_again_and_again_leaves_every_later_read_its_own_rows()
    {
        using var scope = kvk.Server.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ReadStore>();
        const string CountAwards = "select count(*)::text from kvk.mt_doc_award where programme = $1";

        // The host's database is shared with other tests, which may announce awards of their own: count them first.
        var awards = (await store.ValuesAsync(CountAwards, ["sveriges-kvalitetskommun"], CancellationToken.None))[0][0];
        for (var round = 0; round < 6; round++)
        {
            // Repeated, so that Npgsql prepares the failing statement automatically (from its second use).
            await Assert.ThrowsAnyAsync<Exception>(() => store.ValuesAsync("select $1::int", ["not a number"], CancellationToken.None));
            using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20 * round)))
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ValuesAsync("select pg_sleep(5)", [], cancel.Token));
            }

            var text = $"row {round}";
            Assert.Equal(text, (await store.ValuesAsync("select $1::text", [text], CancellationToken.None))[0][0]);
            Assert.Equal(awards, (await store.ValuesAsync(CountAwards, ["sveriges-kvalitetskommun"], CancellationToken.None))[0][0]);
        }
    }

    [Fact]
    public async Task After_abuse_on_every_path_a_burst_of_ordinary_reads_and_mutations_all_succeed()
    {
        var year = (await kvk.Given.AnOpenRound()).Year;

        // The host's database is shared with other tests, which may announce awards of their own: count them first.
        var awards = (int)(await kvk.Server.QueryAsync("{ awards { totalCount } }"))["awards"]!["totalCount"]!;
        var abuse = new Func<Task>[]
        {
            // A read cancelled by its client at some point of its run.
            async () =>
            {
                for (var delay = 1; delay < 40; delay += 7)
                {
                    using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
                    try
                    {
                        using var response = await kvk.Server.Client.PostAsync("/graphql", KvkTestServer.Json(HeavyFilter(delay)), cancel.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Expected: the point is what the host does with the statement it was running.
                    }
                }
            },

            // A cursor whose values PostgreSQL refuses to cast (22P02 on the read pool).
            async () =>
            {
                var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"not a year\",\"award-x\"]")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                for (var i = 0; i < 3; i++)
                {
                    var response = await kvk.Server.PostAsync($"{{ awards(after: \"{cursor}\") {{ nodes {{ year }} }} }}");
                    Assert.Equal("INVALID_CURSOR", (string?)response["errors"]![0]!["extensions"]!["code"]);
                }
            },

            // Two requests with one client mutation id at once: one of them fails on the key inside Marten's batch.
            async () =>
            {
                var id = Guid.NewGuid().ToString("N");
                await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => kvk.MutateAsync(
                    "nominateMunicipality",
                    "NominateMunicipalityInput",
                    new { year, municipalityCode = "0180", clientMutationId = id })));
                await kvk.MutateAsync(
                    "withdrawNomination",
                    "WithdrawNominationInput",
                    new { year, municipalityCode = "0180", reason = "Prov.", clientMutationId = id + "w" });
            },

            // A NUL byte where PostgreSQL would refuse it, and a stale expected version.
            async () =>
            {
                var refused = await kvk.MutateAsync(
                    "nominateMunicipality",
                    "NominateMunicipalityInput",
                    new { year, municipalityCode = "1283", clientMutationId = "a\u0000b" }).ContinueWith(t => t.Exception?.InnerException?.Message ?? "");
                Assert.Contains("INVALID_INPUT", refused, StringComparison.Ordinal);
                var stale = await kvk.MutateAsync(
                    "nominateMunicipality",
                    "NominateMunicipalityInput",
                    new { year, municipalityCode = "1283", expectedVersion = 1 });
                Assert.Equal("CONCURRENCY_CONFLICT", (string?)stale["errors"]![0]!["code"]);
            },
        };

        foreach (var order in new[] { new[] { 0, 1, 2, 3 }, [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2] })
        {
            foreach (var step in order)
            {
                await abuse[step]();
            }
        }

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => kvk.Server.PostAsync(
            "query($y: Int!, $n: Int) { award(year: $y) { year } awards(first: $n) { totalCount nodes { year } } }",
            new { y = 2003 + (2 * (i % 11)), n = 1 + (i % 9) })));
        var nominated = new List<JsonNode>();
        foreach (var code in new[] { "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136" })
        {
            nominated.Add(await kvk.MutateAsync(
                "nominateMunicipality",
                "NominateMunicipalityInput",
                new { year, municipalityCode = code, clientMutationId = Guid.NewGuid().ToString("N") }));
        }

        Assert.All(reads.Select((r, i) => (r, i)), x =>
        {
            Assert.Null(x.r["errors"]);
            Assert.Equal(2003 + (2 * (x.i % 11)), (int)x.r["data"]!["award"]!["year"]!);
            Assert.Equal(awards, (int)x.r["data"]!["awards"]!["totalCount"]!);
            Assert.Equal(1 + (x.i % 9), x.r["data"]!["awards"]!["nodes"]!.AsArray().Count);
        });
        Assert.All(nominated, n => Assert.Null(n["errors"]));
    }

    /// <summary>A filter of many related-list conditions: PostgreSQL works on it long enough to be interrupted.</summary>
    private static string HeavyFilter(int seed)
    {
        var conditions = string.Join(", ", Enumerable.Range(0, 150).Select(i => "{ nominations: { some: { municipality: { name: { contains: " +
            $"\\\"{seed}-{i}\\\" }} }} }} }} }}"));
        return $"{{\"query\":\"{{ municipalities(where: {{ or: [{conditions}] }}) {{ totalCount }} }}\"}}";
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kvk.Bench;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>The host killed with SIGKILL in the middle of a burst of mutations, then started again.</summary>
public sealed class CrashTests
{
    private const string Token = "crash-test-token-5d2a";
    private const int AcknowledgedBeforeCrash = 25;

    private static string[] TokenArguments =>
        ["--Kvk:Secretariat:Tokens:0:Name=Crash Tester", $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}"];

    [Fact]
    public async Task Every_acknowledged_mutation_survives_a_crash_none_is_half_applied_and_the_read_model_equals_a_rebuild()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var codes = MunicipalityDirectory.Load(SeedFiles.Municipalities).All.Select(m => m.Code).Take(150).ToArray();
        var acknowledged = new ConcurrentBag<string>();
        var year = RoundYears.Next(connectionString);
        await using (var host = await HostProcess.StartAsync(connectionString, TokenArguments))
        {
            using var client = Client(host.Url);
            Assert.True(Accepted(await MutateAsync(client, "openRound", "OpenRoundInput", new { year })));
            var next = -1;
            var crashed = 0;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < codes.Length && Volatile.Read(ref crashed) == 0)
                {
                    try
                    {
                        var payload = await MutateAsync(
                            client, "nominateMunicipality", "NominateMunicipalityInput",
                            new { year, municipalityCode = codes[i], clientMutationId = $"nominate-{codes[i]}" });
                        if (Accepted(payload))
                        {
                            acknowledged.Add(codes[i]);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }

                    if (acknowledged.Count >= AcknowledgedBeforeCrash && Interlocked.Exchange(ref crashed, 1) == 0)
                    {
                        host.Crash();
                    }
                }
            })));
        }

        await using var restarted = await KvkTestServer.StartAsync(connectionString);
        var round = (
            await restarted.QueryAsync("query($y: Int!) { round(year: $y) { version nominees { municipality { code } } } }", new { y = year }))["round"]!;
        var nominees = round["nominees"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()).ToHashSet();
        var nominatedEvents = await ReadModelSnapshot.ScalarAsync(
            connectionString, $"select count(*) from kvk.mt_events where stream_id = 'round-{year}' and type = 'municipality_nominated'");
        var streamVersion = await ReadModelSnapshot.ScalarAsync(connectionString, $"select version from kvk.mt_streams where id = 'round-{year}'");

        Assert.True(acknowledged.Count >= AcknowledgedBeforeCrash);
        Assert.Subset(nominees, acknowledged.ToHashSet());
        Assert.Equal(nominatedEvents, nominees.Count);
        Assert.Equal(streamVersion, round["version"]!.GetValue<int>());
        Assert.True(nominees.Count < codes.Length, "The crash came too late to interrupt the burst.");

        var before = await ReadModelSnapshot.TakeAsync(connectionString);
        await restarted.RebuildReadModelAsync();
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(connectionString));
    }

    private static HttpClient Client(string url)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        return client;
    }

    private static bool Accepted(JsonNode payload) => payload["errors"] is null or JsonArray { Count: 0 } && payload["round"] is not null;

    private static async Task<JsonNode> MutateAsync(HttpClient client, string field, string inputType, object input)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new
        {
            query = $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ round {{ version }} errors {{ ... on Error {{ code }} }} }} }}",
            variables = new { input },
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["data"]?[field] ?? throw new HttpRequestException($"No payload: {body.ToJsonString()}");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Kvk.Graph.Hosting;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>PostgreSQL stopped and started again under a running host (a cluster of its own, so that other tests go on).</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"kvk-outage-{Guid.NewGuid():N}");
    private LocalPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await LocalPostgres.StartAsync(_directory, throwaway: true);

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task While_postgresql_is_down_reads_fail_clearly_and_ready_says_so_then_everything_recovers_by_itself()
    {
        await using var server = await KvkTestServer.StartAsync(
            _postgres.ConnectionString,
            "--Kvk:Secretariat:Tokens:0:Name=Outage Tester",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        Assert.Equal(11, (await server.QueryAsync("{ awards { totalCount } }"))["awards"]!["totalCount"]!.GetValue<int>());

        await _postgres.StopAsync();
        using (var ready = await server.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        using (var down = await server.Client.PostAsync("/graphql", KvkTestServer.Json("{\"query\":\"{ rounds(first: 2) { totalCount } }\"}")))
        {
            var body = JsonNode.Parse(await down.Content.ReadAsStringAsync())!;
            Assert.True((int)down.StatusCode < 500);
            Assert.Equal("DATABASE_UNAVAILABLE", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.DoesNotContain("Npgsql", body.ToJsonString(), StringComparison.Ordinal);
        }

        var year = Given.On(server).AFreeYear();
        var write = await server.PostAsync(OpenRound, new { y = year }, Token);
        Assert.Equal("DATABASE_UNAVAILABLE", write["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        await _postgres.RestartAsync(throwaway: true);
        var recovered = await Eventually.HoldsAsync(async () =>
            (await server.PostAsync("{ rounds(first: 2) { totalCount } }"))["data"]?["rounds"]?["totalCount"]?.GetValue<int>() == 12,
            TimeSpan.FromSeconds(30));
        using var readyAgain = await server.Client.GetAsync("/health/ready");

        Assert.True(recovered, "Reads did not recover within 30 seconds of PostgreSQL's restart.");
        Assert.Equal(HttpStatusCode.OK, readyAgain.StatusCode);
        Assert.Equal(year, (await server.PostAsync(OpenRound, new { y = year }, Token))["data"]!["openRound"]!["round"]!["year"]!.GetValue<int>());
    }

    private const string Token = "outage-test-token-61b0";
    private const string OpenRound = "mutation($y: Int!) { openRound(input: { year: $y }) { round { year } errors { ... on Error { code } } } }";
}

using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Npgsql;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>
/// A host that stops gives back every PostgreSQL connection it opened, on every pool (reads, writes, the change
/// feed): hosts started and stopped in one process (the tests, a read-model rebuild) must not exhaust the server's slots.
/// </summary>
public sealed class HostShutdownTests
{
    [Fact]
    public async Task A_stopped_host_leaves_no_connection_open_on_its_database()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using (var kvk = await KvkTestServer.StartAsync(
            connectionString,
            "--Kvk:Secretariat:Tokens:0:Name=Anna",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash("test-token-shutdown"))}"))
        {
            using var socket = await GraphQLWebSocket.ConnectAsync(kvk.Client.BaseAddress!);
            await socket.InitAsync();
            await socket.SubscribeAsync("1", "subscription { roundChanged { year } }");
            await kvk.QueryAsync("{ awards(first: 3) { nodes { year } } municipality(code: \"0180\") { name } }");
            var year = Given.On(kvk).AFreeYear();
            var opened = await kvk.PostAsync(
                "mutation($y: Int!) { openRound(input: { year: $y }) { errors { __typename } } }", new { y = year }, "test-token-shutdown");
            Assert.Null(opened["data"]?["openRound"]?["errors"]);
            Assert.True(await OpenConnectionsAsync(connectionString, database) > 0, "The host should hold connections while it runs.");
        }

        var open = await OpenConnectionsAsync(connectionString, database);
        for (var waited = 0; open > 0 && waited < 50; waited++)
        {
            await Task.Delay(100);
            open = await OpenConnectionsAsync(connectionString, database);
        }

        Assert.Equal(0, open);
    }

    private static async Task<long> OpenConnectionsAsync(string connectionString, string database)
    {
        var elsewhere = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(elsewhere);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from pg_stat_activity where datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

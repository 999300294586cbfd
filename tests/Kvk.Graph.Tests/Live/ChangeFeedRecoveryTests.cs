using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Tests.Support;
using Kvk.Storage.Rounds;
using Kvk.Storage.Store;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// When the change feed's LISTEN connection is lost, a change recorded meanwhile is never hidden behind a cached
/// response: the cache answers nothing while the host cannot hear, and starts empty once it listens again.
/// </summary>
public sealed class ChangeFeedRecoveryTests : IAsyncLifetime
{
    private const string Query = "/graphql?query=%7Baward(year%3A2003)%7Bmotivation%7D%7D";
    private KvkTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KvkTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_change_recorded_while_the_feed_was_disconnected_is_served_once_it_listens_again()
    {
        var cache = _server.Services.GetRequiredService<ResponseCache>();
        var before = await MotivationAsync();
        Assert.Equal(before, await MotivationAsync());
        Assert.True(cache.Count > 0, "The award query was not cached, so this test would show nothing.");

        await using var database = NpgsqlDataSource.Create(_server.ConnectionString);
        var listener = await ListenerAsync(database);
        await using (var kill = database.CreateCommand($"select pg_terminate_backend({listener})"))
        {
            await kill.ExecuteScalarAsync();
        }

        // Another host's change, whose notification this host cannot hear: written straight into the read model.
        await using (var change = database.CreateCommand($"update {ViewTables.Awards} set data = jsonb_set(data, '{{motivation}}', to_jsonb('Ändrad medan " +
            "ingen lyssnade.'::text)) where year = 2003"))
        {
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }

        await WaitForAsync(async () => await ListenerAsync(database) is { } again && again != listener && !cache.Suspended);

        Assert.Equal("Ändrad medan ingen lyssnade.", await MotivationAsync());
        Assert.Equal("Ändrad medan ingen lyssnade.", await MotivationAsync());
        Assert.NotEqual("Ändrad medan ingen lyssnade.", before);
    }

    private async Task<string?> MotivationAsync()
    {
        var response = await _server.Client.GetStringAsync(Query);
        return (string?)System.Text.Json.Nodes.JsonNode.Parse(response)!["data"]!["award"]!["motivation"];
    }

    private static async Task<int?> ListenerAsync(NpgsqlDataSource database)
    {
        // The change feed's own listener: the host listens on other channels too (credentials).
        await using var find = database.CreateCommand("select pid from pg_stat_activity where datname = current_database() and " +
            $"query ilike 'listen {RoundChangeNotice.Channel}' and pid <> pg_backend_pid() order by backend_start desc limit 1");
        return await find.ExecuteScalarAsync() as int?;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(100, patience.Token);
        }
    }
}

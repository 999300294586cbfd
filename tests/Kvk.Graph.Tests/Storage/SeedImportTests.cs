using Kvk.Domain.Seeding;
using Kvk.Graph.Tests.Support;
using Kvk.Storage.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Storage;

public sealed class SeedImportTests
{
    [Fact]
    public async Task Importing_again_or_restarting_the_host_duplicates_nothing()
    {
        long eventsAfterFirstStart;
        string connectionString;
        await using (var first = await KvkTestServer.StartAsync())
        {
            connectionString = first.ConnectionString;
            eventsAfterFirstStart = await ReadModelSnapshot.ScalarAsync(connectionString, "select count(*) from kvk.mt_events");
            var again = await first.Services.GetRequiredService<SeedImporter>().ImportAsync(SeedHistory.Load(SeedFiles.Rounds));
            Assert.Empty(again);
        }

        await using var second = await KvkTestServer.StartAsync(connectionString);

        Assert.Equal(eventsAfterFirstStart, await ReadModelSnapshot.ScalarAsync(connectionString, "select count(*) from kvk.mt_events"));
        Assert.Equal(12, await ReadModelSnapshot.ScalarAsync(connectionString, "select count(*) from kvk.mt_streams"));
        Assert.Equal(11, await ReadModelSnapshot.ScalarAsync(connectionString, "select count(*) from kvk.mt_doc_award"));
        Assert.Equal(290, await ReadModelSnapshot.ScalarAsync(connectionString, "select count(*) from kvk.mt_doc_municipality"));
    }

    [Fact]
    public async Task Seeded_events_are_attributed_to_the_seed_import()
    {
        await using var server = await KvkTestServer.StartAsync();

        Assert.Equal(0, await ReadModelSnapshot.ScalarAsync(server.ConnectionString, "select count(*) from kvk.mt_events where user_name is distinct from " +
            $"'{SeedImporter.Actor}'"));
    }
}

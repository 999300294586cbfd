using System.Net;
using Kvk.Graph.Hosting;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>A page whose operation fails while it runs (PostgreSQL stopped, in a cluster of its own) is a 503 page that says so.</summary>
public sealed class ExplorerOutageTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"kvk-explorer-outage-{Guid.NewGuid():N}");
    private LocalPostgres _postgres = null!;
    private bool _stopped;

    public async Task InitializeAsync() => _postgres = await LocalPostgres.StartAsync(_directory, throwaway: true);

    public async Task DisposeAsync()
    {
        if (!_stopped)
        {
            await _postgres.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task While_postgresql_is_down_a_page_is_a_503_that_carries_the_api_s_words()
    {
        await using var server = await KvkTestServer.StartAsync(_postgres.ConnectionString);
        await ExplorerPages.GetOkAsync(server.Client, "/omgang/2021");

        await _postgres.StopAsync();
        _stopped = true;
        var swedish = await ExplorerPages.GetAsync(server.Client, "/omgang/2023");
        var english = await ExplorerPages.GetAsync(server.Client, "/en/municipality/1284");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, swedish.Status);
        Assert.Equal("Registret svarar inte just nu", swedish.Document.QuerySelector("h1")!.Text());
        Assert.StartsWith("The database is " +
            "unavailable; try again shortly", swedish.Document.QuerySelector("ul.api-errors li")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, english.Status);
        Assert.Equal("The record cannot answer right now", english.Document.QuerySelector("h1")!.Text());
    }
}

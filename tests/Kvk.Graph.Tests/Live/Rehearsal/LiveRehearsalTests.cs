using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Tests.Live.Rehearsal;

public sealed class LiveRehearsalTests
{
    [Fact]
    public async Task A_host_delivers_the_latest_award_to_watchers_of_its_own_over_websocket_and_event_streams_before_it_is_ready()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            (WebApplicationBuilder builder) => builder.Logging.AddProvider(new CapturingLogger(lines, "Kvk.Operations")),
            "--Kvk:Live:Rehearsal:Enabled=true",
            "--Kvk:Live:Rehearsal:MaxSeconds=10",
            "--Logging:LogLevel:Kvk.Operations=Information");

        JsonNode? report = null;
        Assert.True(await Eventually.HoldsAsync(
            async () =>
            {
                using var ready = await server.Client.GetAsync("/health/ready");
                report = JsonNode.Parse(await ready.Content.ReadAsStringAsync());
                return ready.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromMinutes(2)));

        var rehearsal = report!["checks"]!["rehearsal"]!;
        Assert.Equal("Healthy", (string?)rehearsal["status"]);
        Assert.Equal("Rehearsed", (string?)rehearsal["data"]!["state"]);
        Assert.Contains("award of 2023", (string?)rehearsal["description"], StringComparison.Ordinal);
        var logged = lines.ToList();
        var overWebSocket = logged.Count(l => l.StartsWith("WebSocket operation Rehearsal ok", StringComparison.Ordinal));
        var overEventStreams = logged.Count(l => l.StartsWith("SSE operation Rehearsal ok", StringComparison.Ordinal));
        Assert.True(overWebSocket > 0 && overEventStreams > 0, $"{overWebSocket} over WebSocket, {overEventStreams} over event streams");
        Assert.Equal((int)rehearsal["data"]!["deliveries"]!, overWebSocket + overEventStreams);
    }

    [Fact]
    public async Task Off_the_host_is_ready_without_rehearsing_and_says_so()
    {
        await using var server = await KvkTestServer.StartAsync();

        using var ready = await server.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var rehearsal = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!["rehearsal"]!;
        Assert.Equal("Off", (string?)rehearsal["data"]!["state"]);
        Assert.Equal(0, (int)rehearsal["data"]!["deliveries"]!);
    }
}

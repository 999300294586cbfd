using System.Net;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Hosting;

public sealed class OperationsTests
{
    [Fact]
    public async Task Live_and_ready_report_healthy_with_postgresql_up()
    {
        await using var server = await KvkTestServer.StartAsync();

        using var live = await server.Client.GetAsync("/health/live");
        using var ready = await server.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal(["postgresql", "rehearsal", "replica", "secretariat"], report["checks"]!.AsObject().Select(c => c.Key).Order());
        Assert.True((bool)report["checks"]!["replica"]!["data"]!["readsFromPrimary"]!);
    }

    [Fact]
    public async Task A_client_over_its_rate_is_told_to_retry_later_with_429()
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            "--Kvk:RateLimiting:Enabled=true",
            "--Kvk:RateLimiting:PermitsPerSecond=1",
            "--Kvk:RateLimiting:Burst=5");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 30 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
            var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        // A burst of 5, refilled at one a second: at least the burst passes, and the limit then holds.
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 5);
        Assert.Equal("1", limited.Headers.RetryAfter!.ToString());
        Assert.Contains("RATE_LIMITED", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_origin_may_read_but_no_credentials_cross_origins()
    {
        await using var server = await KvkTestServer.StartAsync();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://data.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var withAuthorization = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        withAuthorization.Headers.Add("Origin", "https://data.example.org");
        withAuthorization.Headers.Add("Access-Control-Request-Method", "POST");
        withAuthorization.Headers.Add("Access-Control-Request-Headers", "authorization");

        using var allowed = await server.Client.SendAsync(preflight);
        using var refused = await server.Client.SendAsync(withAuthorization);

        Assert.Equal("*", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Headers") && refused.Headers.GetValues("Access-Control-Allow-Headers").Any(h => h.Contains(
            "authorization",
            StringComparison.OrdinalIgnoreCase)));
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
    }
}

using System.Net;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>The rate limit's client is the connection's address, or X-Forwarded-For only when the connection is a configured proxy.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly string[] Limited = ["--Kvk:RateLimiting:Enabled=true", "--Kvk:RateLimiting:PermitsPerSecond=1", "--Kvk:RateLimiting:Burst=2"];

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var server = await KvkTestServer.StartAsync(null, [.. Limited, "--Kvk:ForwardedHeaders:KnownProxies:0=127.0.0.1"]);
        await WarmUpAsync(server, "198.51.100.7");

        var first = await StatusesAsync(server, "203.0.113.1", 6);
        var second = await StatusesAsync(server, "203.0.113.2", 1);

        // The bucket refills a token a second: a slow machine may let a third request through, never all six.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], first.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Theory]
    [InlineData(null)]
    // ASP.NET believes loopback by default; here only 192.0.2.10 is configured, and the test client is 127.0.0.1.
    [InlineData("192.0.2.10")]
    public async Task A_client_not_a_configured_proxy_cannot_choose_its_bucket_with_x_forwarded_for_loopback_included(string? configuredProxy)
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            configuredProxy is null ? Limited : [.. Limited, $"--Kvk:ForwardedHeaders:KnownProxies:0={configuredProxy}"]);
        await WarmUpAsync(server, null);

        var first = await StatusesAsync(server, "203.0.113.1", 2);
        var second = await StatusesAsync(server, "203.0.113.2", 4);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], first);
        Assert.Contains(HttpStatusCode.TooManyRequests, second);
    }

    [Fact]
    public async Task A_proxys_own_health_check_takes_no_permit_however_spent_its_address_is_but_a_clients_probe_does()
    {
        await using var server = await KvkTestServer.StartAsync(null, [.. Limited, "--Kvk:ForwardedHeaders:KnownProxies:0=127.0.0.1"]);
        await WarmUpAsync(server, null);

        // The proxy's address (a client on its machine, say) has spent its bucket; the proxy's checks (no X-Forwarded-For) pass.
        Assert.Contains(HttpStatusCode.TooManyRequests, await StatusesAsync(server, null, 6));
        var checks = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var check = await server.Client.GetAsync("/health/live");
            checks.Add(check.StatusCode);
        }

        // A client's probe, forwarded by the proxy, is the client's request like any other (tried again should a permit come
        // back between the client's last refusal and its probe: one a second).
        var probe = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 3 && probe != HttpStatusCode.TooManyRequests; attempt++)
        {
            await StatusesAsync(server, "203.0.113.9", 4);
            using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
            using var answer = await server.Client.SendAsync(forwarded);
            probe = answer.StatusCode;
        }

        Assert.All(checks, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, probe);
    }

    /// <summary>The first request of a host is slow (compilation); the limit refills meanwhile, so it is made first, then a full bucket awaited.</summary>
    private static async Task WarmUpAsync(KvkTestServer server, string? forwardedFor)
    {
        await StatusesAsync(server, forwardedFor, 1);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(KvkTestServer server, string? forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json("{\"query\":\"{ __typename }\"}") };
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            using var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}

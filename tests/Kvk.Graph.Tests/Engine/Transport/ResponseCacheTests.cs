using System.Net;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Engine.Transport;

public sealed class ResponseCacheTests
{
    private static CachedResponse Response(string body) => new(200, "application/json", System.Text.Encoding.UTF8.GetBytes(body));

    [Fact]
    public void A_stored_response_is_served_until_something_is_recorded()
    {
        var cache = new ResponseCache();
        cache.Store("q", Response("a"), cache.Generation);

        Assert.True(cache.TryGet("q", out var hit));
        Assert.Equal("a"u8.ToArray(), hit.Body);

        cache.Invalidate();

        Assert.False(cache.TryGet("q", out _));
    }

    [Fact]
    public void A_response_computed_across_a_change_is_not_stored()
    {
        var cache = new ResponseCache();
        var before = cache.Generation;

        cache.Invalidate();
        cache.Store("q", Response("stale"), before);

        Assert.False(cache.TryGet("q", out _));
    }

    [Fact]
    public void While_suspended_nothing_is_served_or_stored_and_it_resumes_empty()
    {
        var cache = new ResponseCache();
        cache.Store("before", Response("a"), cache.Generation);

        cache.Suspend();
        cache.Store("during", Response("b"), cache.Generation);

        Assert.False(cache.TryGet("before", out _));
        Assert.False(cache.TryGet("during", out _));

        cache.Resume();
        Assert.Equal(0, cache.Count);
        cache.Store("after", Response("c"), cache.Generation);
        Assert.True(cache.TryGet("after", out _));
    }

    [Fact]
    public void A_flood_of_one_off_requests_evicts_one_off_requests_and_keeps_the_answers_asked_for_often()
    {
        var cache = new ResponseCache(maxEntries: 1_000);
        string[] hot = ["awards", "rounds", "municipalities"];
        foreach (var key in hot)
        {
            cache.Store(key, Response(key), cache.Generation);
        }

        for (var i = 0; i < 20_000; i++)
        {
            cache.Store($"busting-{i}", Response("x"), cache.Generation);
            if (i % 50 == 0)
            {
                Assert.All(hot, key => Assert.True(cache.TryGet(key, out _), $"{key} was evicted after {i} one-off requests."));
            }

            Assert.True(cache.Count <= 1_000);
        }

        Assert.True(cache.TryGet("busting-19999", out _));
        Assert.False(cache.TryGet("busting-0", out _));
    }

    [Fact]
    public void Entries_stay_within_the_byte_bound_and_an_overlong_key_is_not_stored()
    {
        var cache = new ResponseCache(maxBytes: 100_000);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Store($"q{i}", Response(new string('x', 1_000)), cache.Generation);
        }

        Assert.True(cache.Count is > 0 and <= 100);
        cache.Store(new string('k', ResponseCache.MaxKeyLength + 1), Response("x"), cache.Generation);
        Assert.False(cache.TryGet(new string('k', ResponseCache.MaxKeyLength + 1), out _));
    }
}

public sealed class ResponseCacheShareTests
{
    private static CachedResponse Response(int bytes) => new(200, "application/json", new byte[bytes]);

    [Fact]
    public void One_client_holds_at_most_its_share_and_makes_room_with_its_own_oldest_entries()
    {
        var cache = new ResponseCache(maxEntries: 800, maxBytes: 8_000_000);
        for (var i = 0; i < 50; i++)
        {
            cache.Store($"everyone-{i}", Response(10_000), cache.Generation, $"address:10.0.0.{i}");
        }

        for (var i = 0; i < 5_000; i++)
        {
            cache.Store($"flood-{i}", Response(10_000), cache.Generation, "address:203.0.113.7");
            var (entries, bytes) = cache.HeldBy("address:203.0.113.7");
            Assert.True(entries <= 800 / ResponseCache.ClientShare && bytes <= 8_000_000 / ResponseCache.ClientShare,
                $"{entries} entries, {bytes} bytes after {i + 1}.");
        }

        Assert.All(Enumerable.Range(0, 50), i => Assert.True(cache.TryGet($"everyone-{i}", out _), $"everyone-{i} was flushed by one client."));
        Assert.True(cache.TryGet("flood-4999", out _));
        Assert.False(cache.TryGet("flood-0", out _));
    }

    [Fact]
    public void The_share_counts_bytes_too_and_a_response_above_the_entry_bound_is_not_kept()
    {
        var cache = new ResponseCache(maxEntries: 10_000, maxBytes: 1_600_000);
        cache.Store("other", Response(1_000), cache.Generation, "address:10.0.0.1");
        for (var i = 0; i < 100; i++)
        {
            cache.Store($"large-{i}", Response(90_000), cache.Generation, "address:203.0.113.7");
        }

        Assert.True(cache.HeldBy("address:203.0.113.7").Bytes <= 1_600_000 / ResponseCache.ClientShare);
        Assert.True(cache.TryGet("other", out _));

        cache.Store("too-large", Response((int)cache.MaxEntryBytes + 1), cache.Generation, "address:10.0.0.2");
        Assert.False(cache.TryGet("too-large", out _));
    }

    [Fact]
    public void Recording_forgets_every_client_s_entries_and_their_shares()
    {
        var cache = new ResponseCache(maxEntries: 80);
        for (var i = 0; i < 10; i++)
        {
            cache.Store($"q{i}", Response(10), cache.Generation, "address:203.0.113.7");
        }

        cache.Invalidate();

        Assert.Equal((0, 0L), cache.HeldBy("address:203.0.113.7"));
        Assert.Equal(0, cache.Count);
        for (var i = 0; i < 10; i++)
        {
            cache.Store($"q{i}", Response(10), cache.Generation, "address:203.0.113.7");
        }

        Assert.Equal(80 / ResponseCache.ClientShare, cache.HeldBy("address:203.0.113.7").Entries);
    }
}

public sealed class ResponseCacheShareOverHttpTests
{
    [Fact]
    public async Task Distinct_requests_of_one_client_push_out_only_its_own_answers()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:ResponseCache:MaxEntries=80", "--Kvk:ForwardedHeaders:KnownProxies:0=127.0.0.1");
        var cache = server.Services.GetRequiredService<ResponseCache>();

        Assert.Equal(HttpStatusCode.OK, await GetAsync(server, "203.0.113.1", "{ awards(first: 3) { nodes { year } } }"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(server, "203.0.113.1", "/"));
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await GetAsync(server, "203.0.113.2", $"{{ a{i}: awards(first: {1 + (i % 5)}) {{ nodes {{ year }} }} }}"));
        }

        Assert.Equal(80 / ResponseCache.ClientShare, cache.HeldBy("address:203.0.113.2").Entries);
        Assert.Equal(2, cache.HeldBy("address:203.0.113.1").Entries);
    }

    /// <summary>A query over GET, or an explorer page when <paramref name="query"/> is a path, as <paramref name="client"/> behind the proxy.</summary>
    private static async Task<HttpStatusCode> GetAsync(KvkTestServer server, string client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, query.StartsWith('/') ? query : "/graphql?query=" + Uri.EscapeDataString(query));
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await server.Client.SendAsync(request);
        return response.StatusCode;
    }
}

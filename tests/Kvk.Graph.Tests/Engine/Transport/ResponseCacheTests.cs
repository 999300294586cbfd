using Kvk.Graph.Engine.Transport;

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

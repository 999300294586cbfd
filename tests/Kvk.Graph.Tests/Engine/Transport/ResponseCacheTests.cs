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
    public void The_cache_starts_over_instead_of_growing_past_its_bounds()
    {
        var cache = new ResponseCache();
        for (var i = 0; i <= ResponseCache.MaxEntries; i++)
        {
            cache.Store($"q{i}", Response("x"), cache.Generation);
        }

        Assert.True(cache.Count <= ResponseCache.MaxEntries);
        Assert.True(cache.TryGet($"q{ResponseCache.MaxEntries}", out _));
        cache.Store(new string('k', ResponseCache.MaxKeyLength + 1), Response("x"), cache.Generation);
        Assert.False(cache.TryGet(new string('k', ResponseCache.MaxKeyLength + 1), out _));
    }
}

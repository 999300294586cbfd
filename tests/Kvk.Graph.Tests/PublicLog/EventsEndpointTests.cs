using System.Net;
using System.Text.Json.Nodes;
using Kvk.Domain.PublicLog;
using Kvk.Domain.Seeding;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary><c>GET /events</c> over the seeded history: its lines, pages, caching and refusals.</summary>
public sealed class EventsEndpointTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    [Fact]
    public async Task The_seeded_log_verifies_to_the_served_data_version_as_the_seed_states_it()
    {
        using var response = await kvk.Server.Client.GetAsync("/events");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("public, max-age=", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var (chain, fault) = PublicLogChain.Verify(lines);
        Assert.Null(fault);
        Assert.Equal(await ServedLog.DataVersionAsync(kvk.Server), chain.DataVersion);
        var released = SeedHistory.Load(SeedFiles.Rounds).Released;
        var entries = lines.Select(l => JsonNode.Parse(l)!).ToList();
        Assert.All(entries, e => Assert.Equal(("seed", released), (e["actor"]!.GetValue<string>(), e["recordedAt"]!.GetValue<DateTimeOffset>())));
        Assert.Equal(chain.RevealedSeals, entries.Count(e => e["sealed"] is not null));
        Assert.True(chain.RevealedSeals > 0);
    }

    [Fact]
    public async Task Pages_follow_each_other_by_their_next_links_and_make_up_the_whole_log()
    {
        var whole = await ServedLog.LinesAsync(kvk.Server);
        var paged = new List<string>();
        var next = "/events?limit=40";
        while (next is not null)
        {
            using var response = await kvk.Server.Client.GetAsync(next);
            paged.AddRange((await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0][1..] : null;
        }

        Assert.Equal(whole, paged);
        using var after = await kvk.Server.Client.GetAsync("/events?after=108&limit=1");
        Assert.Equal(whole[108] + "\n", await after.Content.ReadAsStringAsync());
        Assert.Equal("</events?after=109&limit=1>; rel=\"next\"", after.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task A_page_asked_again_with_its_entity_tag_is_not_modified()
    {
        using var first = await kvk.Server.Client.GetAsync("/events?limit=3");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/events?limit=3");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var notModified = await kvk.Server.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("after=x")]
    [InlineData("after=-1")]
    [InlineData("after=1.5")]
    [InlineData("after=99999999999999999999999")]
    [InlineData("limit=0")]
    [InlineData("limit=10001")]
    [InlineData("limit=%2B5")]
    [InlineData("limit=")]
    [InlineData("after=1&after=2")]
    [InlineData("from=1")]
    [InlineData("after=%00")]
    public async Task A_hostile_parameter_is_refused_in_the_api_s_words(string query)
    {
        using var response = await kvk.Server.Client.GetAsync($"/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_EVENTS_REQUEST", error["extensions"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task After_the_last_entry_the_page_is_empty()
    {
        using var response = await kvk.Server.Client.GetAsync("/events?after=9223372036854775807");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }
}

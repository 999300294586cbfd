using System.Net;
using System.Net.Http.Headers;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Transport;

/// <summary>
/// Public answers over GET, explorer pages and CSV downloads are written for a shared cache in front of the hosts:
/// <c>Cache-Control: public</c> for seconds, a strong ETag that every change of the answer moves and that any host
/// gives for the same data, and 304 to a request that already has the answer.
/// </summary>
public sealed class EdgeCachingTests
{
    private const string AwardsQuery = "{ awards(first: 3) { totalCount nodes { year recipientName } } }";
    private const string RoundsQuery = "{ rounds(first: 1) { totalCount nodes { year status } } }";

    public static TheoryData<string> PublicAddresses =>
    [
        "/graphql?query=" + Uri.EscapeDataString(AwardsQuery),
        "/graphql?documentId=sha256:" + LatestAwardId,
        "/",
        "/en/round/2023",
        "/download/awards.csv",
    ];

    private static string LatestAwardId => ParsedDocumentCache.Sha256(File.ReadAllText(Path.Combine(
        AppContext.BaseDirectory,
        PersistedDocumentRegistry.Folder,
        "LatestAward.graphql")));

    [Fact]
    public async Task Public_answers_are_cacheable_for_seconds_with_a_strong_etag_and_304_to_a_client_that_has_them()
    {
        await using var server = await KvkTestServer.StartAsync();
        foreach (var address in PublicAddresses)
        {
            using var first = await server.Client.GetAsync(address);
            var tag = first.Headers.ETag;

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("public, max-age=5, stale-while-revalidate=30", first.Headers.CacheControl?.ToString());
            Assert.True(tag is { IsWeak: false }, $"{address}: ETag {tag}");

            using var again = await SendAsync(server.Client, address, tag!.Tag);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(tag, again.Headers.ETag);
            Assert.Equal("public, max-age=5, stale-while-revalidate=30", again.Headers.CacheControl?.ToString());
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());

            using var other = await SendAsync(server.Client, address, "\"another\"", "W/" + tag.Tag);
            Assert.Equal(HttpStatusCode.NotModified, other.StatusCode);
            using var stale = await SendAsync(server.Client, address, "\"0123456789abcdef0123456789abcdef\"");
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await stale.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_recorded_change_moves_the_etag_of_what_it_alters_and_only_that()
    {
        await using var server = await KvkTestServer.StartAsync();
        var rounds = "/graphql?query=" + Uri.EscapeDataString(RoundsQuery);
        var awards = "/graphql?query=" + Uri.EscapeDataString(AwardsQuery);
        using var roundsBefore = await server.Client.GetAsync(rounds);
        using var awardsBefore = await server.Client.GetAsync(awards);
        using var pageBefore = await server.Client.GetAsync("/");

        await Given.On(server).AnOpenRound();

        using var roundsAfter = await SendAsync(server.Client, rounds, roundsBefore.Headers.ETag!.Tag);
        using var awardsAfter = await SendAsync(server.Client, awards, awardsBefore.Headers.ETag!.Tag);
        using var pageAfter = await SendAsync(server.Client, "/", pageBefore.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, roundsAfter.StatusCode);
        Assert.NotEqual(roundsBefore.Headers.ETag, roundsAfter.Headers.ETag);
        Assert.Contains("\"totalCount\":13", await roundsAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pageAfter.StatusCode);
        Assert.NotEqual(pageBefore.Headers.ETag, pageAfter.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, awardsAfter.StatusCode);
    }

    [Fact]
    public async Task Two_hosts_on_the_same_data_give_the_same_etags()
    {
        await using var first = await KvkTestServer.StartAsync();
        await using var second = await KvkTestServer.StartAsync(first.ConnectionString);
        foreach (var address in PublicAddresses)
        {
            using var fromFirst = await first.Client.GetAsync(address);
            using var fromSecond = await second.Client.GetAsync(address);

            Assert.NotNull(fromFirst.Headers.ETag);
            Assert.Equal(fromFirst.Headers.ETag, fromSecond.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_compressed_answer_has_a_tag_of_its_own_that_revalidates()
    {
        await using var server = await KvkTestServer.StartAsync();
        var address = "/graphql?query=" + Uri.EscapeDataString(AwardsQuery);
        using var plain = await server.Client.GetAsync(address);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzipped = await server.Client.SendAsync(request);

        Assert.Equal("gzip", gzipped.Content.Headers.ContentEncoding.Single());
        Assert.Equal(plain.Headers.ETag!.Tag.TrimEnd('"') + "-gzip\"", gzipped.Headers.ETag!.Tag);
        using var revalidated = await SendAsync(server.Client, address, gzipped.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Posts_token_holders_and_answers_with_errors_are_never_cacheable_by_the_edge()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:EdgeCache:MaxAgeSeconds=2", "--Kvk:EdgeCache:StaleWhileRevalidateSeconds=7");
        using var get = await server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString(AwardsQuery));
        using var post = await server.Client.PostAsync("/graphql", KvkTestServer.Json($"{{\"query\":\"{AwardsQuery}\"}}"));
        using var failing = await server.Client.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ notAField }"));
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(AwardsQuery))
        {
            Headers = { Authorization = new("Bearer", "no-such-token") },
        };
        using var tokenHolder = await server.Client.SendAsync(withToken);

        Assert.Equal("public, max-age=2, stale-while-revalidate=7", get.Headers.CacheControl?.ToString());
        Assert.Null(post.Headers.CacheControl);
        Assert.Null(post.Headers.ETag);
        Assert.Null(failing.Headers.CacheControl);
        Assert.Null(failing.Headers.ETag);
        Assert.True(tokenHolder.Headers.CacheControl is { Private: true, NoStore: true, Public: false });
        Assert.Null(tokenHolder.Headers.ETag);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string address, params string[] ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, address);
        foreach (var tag in ifNoneMatch)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tag));
        }

        return client.SendAsync(request);
    }
}

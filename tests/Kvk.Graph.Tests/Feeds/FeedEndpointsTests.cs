using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kvk.Graph.Explorer;
using Kvk.Graph.Tests.Explorer;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Feeds;

/// <summary>The Atom feeds over the seeded history, read with a real feed parser and compared with the API's history.</summary>
public sealed partial class FeedEndpointsTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string Hoganas = "1284";
    private const string Osteraker = "0117";
    private const string FourDigits = " Municipality codes have four digits, e.g. 0180 for Stockholm.";

    private HttpClient Client => kvk.Server.Client;

    /// <summary>The public history of a seeded round as the API tells it: each fact's type, version and moment.</summary>
    private async Task<JsonArray> HistoryAsync(int year) =>
        (JsonArray)(await kvk.Server.QueryAsync("query($y: Int!) { round(year: $y) { history { type version occurredAt } } }", new { y = year }))
            ["round"]!["history"]!;

    [Theory]
    [InlineData("/feed.atom", "sv", "/", "/omgang/2023", "Sveriges KvalitetsKommun 2023 – Priset tillkännagavs: Höganäs vann.")]
    [InlineData("/en/feed.atom", "en", "/en", "/en/round/2023", "Sveriges KvalitetsKommun 2023 – The award was announced: Höganäs won.")]
    public async Task The_feed_of_the_record_tells_the_2023_announcement_with_its_motivation(
        string path, string language, string explorer, string roundPage, string title)
    {
        var feed = await FeedReader.GetAsync(Client, path);

        var announced = (await HistoryAsync(2023)).Single(e => (string?)e!["type"] == "award_announced")!;
        var entry = Assert.Single(feed.Entries, e => e.Id == $"tag:kvk.invalid,2026:{language}/round/2023/{(int)announced["version"]!}");
        Assert.Equal(title, entry.Title.Text);
        Assert.Equal(roundPage, entry.Links.Link("alternate"));
        Assert.Equal(SeedDocument.Winners().Single(w => w.Year == 2023).Motivation, entry.Text());
        Assert.Equal(Seconds(DateTimeOffset.Parse((string)announced["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture)), entry.LastUpdatedTime);

        Assert.Equal($"tag:kvk.invalid,2026:{language}/feed", feed.Feed.Id);
        Assert.Equal(language, feed.Feed.Language);
        Assert.Equal(path, feed.Feed.Links.Link("self"));
        Assert.Equal(explorer, feed.Feed.Links.Link("alternate"));
        Assert.Equal("Kvk", Assert.Single(feed.Feed.Authors).Name);
        Assert.InRange(feed.Entries.Count, 2, 50);
        Assert.Equal(feed.Entries[0].LastUpdatedTime, feed.Feed.LastUpdatedTime);
        Assert.Equal(feed.Entries.Select(e => e.LastUpdatedTime).OrderDescending(), feed.Entries.Select(e => e.LastUpdatedTime));
    }

    [Fact]
    public async Task Every_entry_is_a_fact_of_a_rounds_public_history_told_as_the_round_page_tells_it()
    {
        foreach (var language in new[] { ExplorerLanguage.Swedish, ExplorerLanguage.English })
        {
            var feed = await FeedReader.GetAsync(Client, language.Feed);
            var again = await FeedReader.GetAsync(Client, language.Feed);

            Assert.Equal(feed.Bytes, again.Bytes);
            Assert.Equal(feed.Entries.Count, feed.Entries.Select(e => e.Id).Distinct().Count());
            foreach (var entry in feed.Entries)
            {
                var id = EntryId().Match(entry.Id);
                Assert.True(id.Success && id.Groups["language"].Value == language.Code, $"{entry.Id} is not an entry's id in {language.Code}.");
                var year = int.Parse(id.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var version = int.Parse(id.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var fact = (await HistoryAsync(year)).Single(e => (int)e!["version"]! == version)!;

                // The round page's words for the fact: the entry's title ends with them.
                var page = await ExplorerPages.GetOkAsync(Client, language.Round(year));
                var told = page.Document.QuerySelectorAll("ol.history > li > p:first-child").Select(p => p.Text()).ToList();
                Assert.Contains(told, phrase => entry.Title.Text == $"Sveriges KvalitetsKommun {year} – {phrase}");
                Assert.Equal(language.Round(year), entry.Links.Link("alternate"));
                Assert.Equal(
                    Seconds(DateTimeOffset.Parse((string)fact["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture)),
                    entry.LastUpdatedTime);
            }
        }
    }

    [Theory]
    [InlineData("/kommun/1284/feed.atom", "sv", "/kommun/1284", "Sveriges KvalitetsKommun: nytt om Höganäs", new[]
    {
        "Sveriges KvalitetsKommun 2023 – Priset tillkännagavs: Höganäs vann.",
        "Sveriges KvalitetsKommun 2023 – Juryns beslut registrerades: Höganäs ska få priset.",
        "Sveriges KvalitetsKommun 2023 – Höganäs nominerades.",
        "Sveriges KvalitetsKommun 2021 – Höganäs nominerades.",
    })]
    [InlineData("/en/municipality/1284/feed.atom", "en", "/en/municipality/1284", "Sveriges KvalitetsKommun: new about Höganäs", new[]
    {
        "Sveriges KvalitetsKommun 2023 – The award was announced: Höganäs won.",
        "Sveriges KvalitetsKommun 2023 – The jury's decision was recorded: the award goes to Höganäs.",
        "Sveriges KvalitetsKommun 2023 – Höganäs was nominated.",
        "Sveriges KvalitetsKommun 2021 – Höganäs was nominated.",
    })]
    public async Task A_municipalitys_feed_has_the_facts_that_name_it(string path, string language, string page, string title, string[] entries)
    {
        var feed = await FeedReader.GetAsync(Client, path);

        Assert.Equal(title, feed.Feed.Title.Text);
        Assert.Equal($"tag:kvk.invalid,2026:{language}/municipality/{Hoganas}/feed", feed.Feed.Id);
        Assert.Equal(path, feed.Feed.Links.Link("self"));
        Assert.Equal(page, feed.Feed.Links.Link("alternate"));
        Assert.Equal(entries.Order(), feed.Entries.Select(e => e.Title.Text).Order());
        Assert.Equal(feed.Entries.Select(e => e.LastUpdatedTime).OrderDescending(), feed.Entries.Select(e => e.LastUpdatedTime));

        // The same fact has the same id, title and content in the municipality's feed as in the record's.
        var record = await FeedReader.GetAsync(Client, language == "sv" ? "/feed.atom" : "/en/feed.atom");
        var both = feed.Entries.Where(e => record.Entries.Any(r => r.Id == e.Id)).ToList();
        Assert.Contains(both, e => e.Title.Text == entries[0]);
        Assert.All(both, e => Assert.Equal(
            (record.Entries.Single(r => r.Id == e.Id).Title.Text, record.Entries.Single(r => r.Id == e.Id).Text()),
            (e.Title.Text, e.Text())));
    }

    [Fact]
    public async Task A_municipality_never_nominated_has_an_empty_feed_that_does_not_change_with_the_clock()
    {
        var feed = await FeedReader.GetAsync(Client, $"/kommun/{Osteraker}/feed.atom");

        Assert.Empty(feed.Entries);
        Assert.Equal("Sveriges KvalitetsKommun: nytt om Österåker", feed.Feed.Title.Text);
        Assert.Equal(DateTimeOffset.UnixEpoch, feed.Feed.LastUpdatedTime);
    }

    [Theory]
    [InlineData("/kommun/9999/feed.atom", "Det finns ingen kommun med koden ”9999”. Kommunkoder har fyra siffror, till exempel 0180 för Stockholm.")]
    [InlineData("/kommun/abcd/feed.atom", "Det finns ingen kommun med koden ”abcd”. Kommunkoder har fyra siffror, till exempel 0180 för Stockholm.")]
    [InlineData("/en/municipality/180/feed.atom", "There is no municipality with the code “180”." + FourDigits)]
    public async Task An_unknown_municipality_has_no_feed_but_the_explorers_404_page(string path, string message)
    {
        var page = await ExplorerPages.GetAsync(Client, path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(message, page.Main.QuerySelector("p")!.TextContent);
        Assert.Equal(ExplorerEndpoints.ContentSecurityPolicy.Value, string.Join(" ", page.Response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("/kommun/%00/feed.atom")]
    [InlineData("/en/municipality/%00%00%00%00/feed.atom")]
    [InlineData("/kommun/%01%02%03%04/feed.atom")]
    [InlineData("/kommun/1284%00/feed.atom")]
    [InlineData("/feed.atom%00")]
    [InlineData("/kommun/%F0%9F%92%A9%F0%9F%92%A9/feed.atom")]
    [InlineData("/kommun/%ZZ/feed.atom")]
    [InlineData("/en/municipality/1284/feed.atom/..%2F..%2F..%2Fetc%2Fpasswd")]
    public async Task A_hostile_address_is_refused_or_not_found_never_an_error(string path)
    {
        using var response = await Client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"GET {path} answered {(int)response.StatusCode}.");
    }

    [Theory]
    [InlineData("/kommun/{0}/feed.atom")]
    [InlineData("/en/municipality/{0}/feed.atom")]
    [InlineData("/{0}/feed.atom")]
    public async Task Ten_thousand_characters_in_the_address_are_refused_never_an_error(string template)
    {
        using var response = await Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, new string('7', 10_000)));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"A long address answered {(int)response.StatusCode}.");
    }

    [Fact]
    public async Task A_feed_is_written_for_shared_caches_with_an_etag_and_the_strict_policy()
    {
        var feed = await FeedReader.GetAsync(Client, "/en/feed.atom");
        var page = await ExplorerPages.GetOkAsync(Client, "/en");

        Assert.Equal(page.Response.Headers.CacheControl!.ToString(), feed.Response.Headers.CacheControl!.ToString());
        var policy = string.Join(" ", feed.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(feed.Response.Headers.GetValues("X-Content-Type-Options")));
        var tag = feed.Response.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/en/feed.atom");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/EN/Feed.atom"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(FeedReader.AtomType, head.Content.Headers.ContentType!.MediaType);
        Assert.Equal(tag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A moment as an Atom date gives it: to the second.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset moment) =>
        new(moment.UtcTicks - (moment.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [GeneratedRegex(@"^tag:kvk\.invalid,2026:(?<language>sv|en)/round/(?<year>\d{4})/(?<version>\d+)$")]
    private static partial Regex EntryId();
}

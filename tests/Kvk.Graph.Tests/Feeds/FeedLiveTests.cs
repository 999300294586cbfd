using System.Text;
using Kvk.Domain.Rounds;
using Kvk.Graph.Explorer;
using Kvk.Graph.Tests.Secretariat;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Feeds;

/// <summary>
/// The feeds as the secretariat records a round: the jury's decision stays a secret in them until the announcement,
/// and the announcement appears in them, in both languages, with its motivation.
/// </summary>
public sealed class FeedLiveTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    /// <summary>Municipalities no other test nominates, so that their feeds hold only this class's facts.</summary>
    private const string Jokkmokk = "2510";
    private const string Aneby = "0604";

    /// <summary>A word no other motivation has: a feed that shows it shows the secret decision.</summary>
    private const string SecretWord = "Fjällvinterkvalitet";

    private const string Motivation = $"Jokkmokk visar {SecretWord} i varje verksamhet. <b>ett</b> & löfte.";

    /// <summary>How long a recorded fact may take to show in a feed (it shows at once on this host: the bound is generous).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string[] FeedsOf(string code) =>
    [
        ExplorerLanguage.Swedish.Feed, ExplorerLanguage.English.Feed, ExplorerLanguage.Swedish.MunicipalityFeed(code),
        ExplorerLanguage.English.MunicipalityFeed(code),
    ];

    private static string Id(string language, int year, int version) => $"tag:kvk.invalid,2026:{language}/round/{year}/{version}";

    /// <summary>Reads the feed at <paramref name="path"/> until it has an entry of <paramref name="id"/>, or the patience is spent.</summary>
    private async Task<FeedResponse> UntilItHasAsync(string path, string id)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var feed = await FeedReader.GetAsync(kvk.Server.Client, path);
            if (feed.Entries.Any(e => e.Id == id) || DateTimeOffset.UtcNow > deadline)
            {
                return feed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public async Task A_decision_is_a_secret_in_every_feed_until_the_announcement_which_then_appears_in_both_languages()
    {
        var round = await kvk.Given.ADecidedRound(Jokkmokk, Motivation, Jokkmokk, Given.Habo);
        var decision = round.DecidedVersion!.Value;

        // Before the announcement: the decision's entry, as the API tells it to the public; nothing of what was decided.
        var swedish = await UntilItHasAsync(ExplorerLanguage.Swedish.Feed, Id("sv", round.Year, decision));
        var english = await UntilItHasAsync(ExplorerLanguage.English.Feed, Id("en", round.Year, decision));
        var secret = Assert.Single(swedish.Entries, e => e.Id == Id("sv", round.Year, decision));
        Assert.Equal($"Sveriges KvalitetsKommun {round.Year} – Juryns beslut registrerades. Det hålls hemligt tills priset tillkännages.", secret.Title.Text);
        Assert.Null(secret.Text());
        Assert.Equal(
            $"Sveriges KvalitetsKommun {round.Year} – The jury's decision was recorded. It stays secret until the award is announced.",
            Assert.Single(english.Entries, e => e.Id == Id("en", round.Year, decision)).Title.Text);
        foreach (var path in FeedsOf(Jokkmokk))
        {
            var feed = await FeedReader.GetAsync(kvk.Server.Client, path);
            var text = Encoding.UTF8.GetString(feed.Bytes);
            Assert.DoesNotContain(SecretWord, text, StringComparison.Ordinal);

            // Jokkmokk is named only where it was nominated: in no other entry, and nowhere else in the bytes.
            var naming = feed.EntriesOf(round.Year).Where(e => e.Title.Text.Contains("Jokkmokk", StringComparison.Ordinal)).ToList();
            Assert.All(naming, e => Assert.True(
                e.Title.Text.EndsWith(" – Jokkmokk nominerades.", StringComparison.Ordinal)
                    || e.Title.Text.EndsWith(" – Jokkmokk was nominated.", StringComparison.Ordinal),
                e.Title.Text));
            Assert.Equal(naming.Count, text.Split("Jokkmokk").Length - 1 - (path.Contains(Jokkmokk, StringComparison.Ordinal) ? 1 : 0));
            Assert.DoesNotContain(feed.EntriesOf(round.Year), e => e.Id.EndsWith($"/{decision}", StringComparison.Ordinal) && e.Text() is not null);
        }

        // The municipality's feed has no entry of the secret decision: it names no municipality yet.
        var own = await FeedReader.GetAsync(kvk.Server.Client, ExplorerLanguage.Swedish.MunicipalityFeed(Jokkmokk));
        Assert.DoesNotContain(own.Entries, e => e.Id == Id("sv", round.Year, decision));

        var announced = (await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year = round.Year }))["round"]!["version"]!.GetValue<int>();

        foreach (var (language, path, phrase) in new[]
        {
            ("sv", ExplorerLanguage.Swedish.Feed, "Priset tillkännagavs: Jokkmokk vann."),
            ("en", ExplorerLanguage.English.Feed, "The award was announced: Jokkmokk won."),
            ("sv", ExplorerLanguage.Swedish.MunicipalityFeed(Jokkmokk), "Priset tillkännagavs: Jokkmokk vann."),
            ("en", ExplorerLanguage.English.MunicipalityFeed(Jokkmokk), "The award was announced: Jokkmokk won."),
        })
        {
            var feed = await UntilItHasAsync(path, Id(language, round.Year, announced));
            var entry = Assert.Single(feed.Entries, e => e.Id == Id(language, round.Year, announced));
            Assert.Equal($"Sveriges KvalitetsKommun {round.Year} – {phrase}", entry.Title.Text);
            Assert.Equal(Motivation, entry.Text());
            Assert.Equal(language == "sv" ? $"/omgang/{round.Year}" : $"/en/round/{round.Year}", entry.Links.Link("alternate"));
        }

        // Announced, the decision is public: its entry names the winner, in the municipality's feed too.
        var disclosed = await FeedReader.GetAsync(kvk.Server.Client, ExplorerLanguage.Swedish.MunicipalityFeed(Jokkmokk));
        Assert.Equal(
            $"Sveriges KvalitetsKommun {round.Year} – Juryns beslut registrerades: Jokkmokk ska få priset.",
            Assert.Single(disclosed.Entries, e => e.Id == Id("sv", round.Year, decision)).Title.Text);
    }

    [Fact]
    public async Task Text_xml_cannot_hold_in_a_stored_fact_does_not_break_the_feed()
    {
        // The API refuses control characters in its inputs; the store's recorder takes them, so stored text may hold them.
        const string Reason = "Kommunen\u0001 avstod\u0008 <script>alert(1)</script> & \uFFFE\uFFFF slut\u001F.";
        var round = await Given.On(kvk.Server).ARoundWithNominees(Aneby, Given.Habo);
        var withdrawn = await new StoreWriter(kvk.Server).RecordAsync(new WithdrawNomination(round.Year, Aneby, Reason));

        foreach (var (language, path) in new[] { ("sv", ExplorerLanguage.Swedish.MunicipalityFeed(Aneby)), ("en", ExplorerLanguage.English.Feed) })
        {
            var feed = await UntilItHasAsync(path, Id(language, round.Year, withdrawn));

            var entry = Assert.Single(feed.Entries, e => e.Id == Id(language, round.Year, withdrawn));
            Assert.EndsWith(
                "Kommunen\uFFFD avstod\uFFFD <script>alert(1)</script> & \uFFFD\uFFFD slut\uFFFD.",
                entry.Title.Text,
                StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", Encoding.UTF8.GetString(feed.Bytes), StringComparison.Ordinal);
        }
    }
}

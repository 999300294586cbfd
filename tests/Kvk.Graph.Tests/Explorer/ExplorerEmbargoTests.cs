using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>
/// The jury's decision stays secret on every explorer page until the award is announced, and the pages show
/// the award as soon as it is (they are cached until something is recorded).
/// </summary>
public sealed class ExplorerEmbargoTests
{
    private const string Token = "explorer-test-token-31c4";
    private const string Kiruna = "2584";
    private const string Habo = "0643";

    /// <summary>A word no seeded motivation has, so that any page that shows it shows the secret decision.</summary>
    private const string SecretWord = "Fjällkvalitet";

    private const string Motivation = $"Kiruna visar {SecretWord} i varje verksamhet. <script>alert(\"kvk\")</script> &amp; <b>ett</b> löfte.";

    private static string[] PagesOf(int year) =>
        ["/", "/en", $"/omgang/{year}", $"/en/round/{year}", $"/kommun/{Kiruna}", $"/en/municipality/{Kiruna}", "/karta", "/en/map"];

    private static async Task<JsonNode> MutateAsync(KvkTestServer server, string field, string inputType, object input)
    {
        var response = await server.PostAsync(
            $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ round {{ status }} errors {{ ... on Error {{ " +
                "code message } } } }", new { input }, Token);
        var payload = response["data"]?[field] ?? throw new InvalidOperationException(response.ToJsonString());
        Assert.True(payload["errors"] is null, $"{field} was refused: {payload["errors"]?.ToJsonString()}");
        return payload;
    }

    [Fact]
    public async Task A_decided_round_shows_no_winner_on_any_page_until_the_award_is_announced()
    {
        await using var server = await KvkTestServer.StartAsync(
            null,
            "--Kvk:Secretariat:Tokens:0:Name=Sekreterare Sara",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        var year = (await Given.AsSecretary(server, Token).ARoundWithNominees(Kiruna, Habo)).Year;
        // Every page is read (and cached) while the round is open, so that a stale page would show below.
        foreach (var path in PagesOf(year))
        {
            await ExplorerPages.GetOkAsync(server.Client, path);
        }

        var decided = await MutateAsync(
            server, "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Kiruna, motivation = Motivation });
        Assert.Equal("DECIDED", decided["round"]!["status"]!.GetValue<string>());

        foreach (var path in PagesOf(year))
        {
            var page = await ExplorerPages.GetOkAsync(server.Client, path);
            Assert.DoesNotContain(SecretWord, page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Kiruna kommun</a>", page.Html, StringComparison.Ordinal);
        }

        foreach (var path in new[] { $"/sok?q={SecretWord}", $"/en/search?q={SecretWord}" })
        {
            var search = await ExplorerPages.GetOkAsync(server.Client, path);
            Assert.Empty(search.Document.QuerySelectorAll("ol.hits li"));
        }

        var round = await ExplorerPages.GetOkAsync(server.Client, $"/omgang/{year}");
        Assert.Equal("Status: Juryn har beslutat, vinnaren tillkännages senare", round.Document.QuerySelector("p.status")!.Text());
        Assert.Equal(
            "Juryn har fattat sitt beslut. Vinnaren och motiveringen offentliggörs när priset tillkännages.",
            round.Document.QuerySelector("section.decision")!.Text());
        Assert.Null(round.Document.QuerySelector("blockquote"));
        Assert.Null(round.Document.QuerySelector("ul.nominees strong"));
        var history = round.Document.QuerySelectorAll("ol.history > li").ToList();
        Assert.Equal("Juryns beslut registrerades. Det hålls hemligt tills priset tillkännages.", history[^1].QuerySelector("p")!.Text());
        Assert.Empty(history[^1].MunicipalityLinks());
        Assert.Equal("Sekreterare Sara", history[^1].QuerySelector("p.meta")!.Text()[^"Sekreterare Sara".Length..]);

        var timeline = await ExplorerPages.GetOkAsync(server.Client, "/");
        var timelineRound = timeline.Document.QuerySelectorAll(
            "li.round").Single(r => r.QuerySelector("h3")!.Text().EndsWith($" {year}", StringComparison.Ordinal));
        Assert.Null(timelineRound.QuerySelector("dd.winner"));
        Assert.Equal([Habo, Kiruna], timelineRound.QuerySelector("ul.nominees")!.MunicipalityLinks());

        var map = await ExplorerPages.GetOkAsync(server.Client, "/karta");
        Assert.Equal("nominee", map.Document.QuerySelector($"a[href='/kommun/{Kiruna}']")!.GetAttribute("class"));

        var municipality = await ExplorerPages.GetOkAsync(server.Client, $"/kommun/{Kiruna}");
        Assert.Null(municipality.Document.QuerySelector("section.award"));
        Assert.Equal(
            [[$"{year}", "Nominerad, inget beslut tillkännagivet ännu"]],
            municipality.Document.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()));

        await MutateAsync(server, "announceAward", "AnnounceAwardInput", new { year, announcedAt = "2025-11-18T19:00:00+01:00" });

        var announced = await ExplorerPages.GetOkAsync(server.Client, $"/omgang/{year}");
        Assert.Equal("Vinnare: Kiruna kommun", announced.Document.QuerySelector("section.decision h2")!.Text());
        Assert.Equal("Tillkännagiven: 18 november 2025", announced.Document.QuerySelector("section.decision p")!.Text());
        // Every value is escaped: the motivation reads as the secretariat wrote it, and none of it is markup.
        Assert.Equal(Motivation, announced.Document.QuerySelector("blockquote.motivation")!.TextContent);
        Assert.Empty(announced.Document.QuerySelectorAll("script, main mark"));
        Assert.Equal("Kiruna kommun", (await ExplorerPages.GetOkAsync(server.Client, "/")).Document.QuerySelectorAll("li.round")
            .Single(r => r.QuerySelector("h3")!.Text().EndsWith($" {year}", StringComparison.Ordinal)).QuerySelector("dd.winner")!.Text());
        Assert.Equal(
            "winner",
            (await ExplorerPages.GetOkAsync(server.Client, "/en/map")).Document.QuerySelector($"a[href='/en/municipality/{Kiruna}']")!.GetAttribute("class"));
        var found = await ExplorerPages.GetOkAsync(server.Client, $"/sok?q={SecretWord}");
        var hit = Assert.Single(found.Document.QuerySelectorAll("ol.hits li"));
        Assert.Equal(SecretWord, Assert.Single(hit.QuerySelectorAll(".excerpt mark")).TextContent);
        Assert.Empty(hit.QuerySelectorAll("script"));
    }
}

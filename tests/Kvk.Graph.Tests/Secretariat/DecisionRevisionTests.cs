using System.Text.Json.Nodes;
using Kvk.Graph.Explorer;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>What the gala-night mutations keep secret, publish and refuse, through the real endpoint and the public pages.</summary>
public sealed class DecisionRevisionTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private const string Habo = "0643";
    private const string Svedala = "1263";
    private const string Kiruna = "2584";
    private const string History = "history { type actor municipality { code } motivation reason note }";

    private async Task<int> DecidedAsync() => (await kvk.Given.ADecidedRound(Habo, "Habo visar vägen.", Habo, Svedala)).Year;

    private async Task<JsonNode> RoundAsync(int year, string? token) =>
        (await kvk.Server.PostAsync($"{{ round(year: {year}) {{ decision {{ recipientName motivation }} {History} }} }}", token: token))["data"]!["round"]!;

    [Fact]
    public async Task An_announcement_now_dated_in_the_future_is_refused_and_publishes_nothing()
    {
        var year = await DecidedAsync();

        var refused = await kvk.MutateAsync("announceAward", "AnnounceAwardInput", new { year, announcedAt = DateTimeOffset.UtcNow.AddYears(1) });

        Assert.Equal("ANNOUNCEMENT_IN_FUTURE", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("AnnouncementInFutureError", refused["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Contains("schedule", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await kvk.Server.QueryAsync("query($y: Int!) { award(year: $y) { recipientName } }", new { y = year }))["award"]);
        Assert.DoesNotContain(await kvk.EventsAsync(year), e => e.Type == "award_announced");
    }

    [Fact]
    public async Task A_revision_before_the_gala_stays_secret_and_is_in_the_history_after()
    {
        var year = await DecidedAsync();
        await kvk.AcceptedAsync(
            "reviseDecision", "ReviseDecisionInput",
            new { year, municipalityCode = Svedala, motivation = "Svedala visar vägen.", reason = "Juryns omröstning räknades om." },
            SecretariatKvk.BoToken);

        var publicBefore = await RoundAsync(year, null);
        Assert.Null(publicBefore["decision"]);
        var secretRevision = Assert.Single(publicBefore["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "decision_revised")!;
        Assert.Null(secretRevision["municipality"]);
        Assert.Null(secretRevision["motivation"]);
        Assert.Null(secretRevision["reason"]);
        var pageBefore = await kvk.Server.Client.GetStringAsync(ExplorerLanguage.Swedish.Round(year));
        Assert.DoesNotContain("Svedala visar vägen", pageBefore, StringComparison.Ordinal);
        Assert.DoesNotContain("omröstning", pageBefore, StringComparison.Ordinal);
        Assert.Equal("Svedala visar vägen.", (await RoundAsync(year, SecretariatKvk.AnnaToken))["decision"]!["motivation"]!.GetValue<string>());

        await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year });

        var after = await RoundAsync(year, null);
        Assert.Equal("Svedala visar vägen.", after["decision"]!["motivation"]!.GetValue<string>());
        var revision = Assert.Single(after["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "decision_revised")!;
        Assert.Equal(SecretariatKvk.BoName, revision["actor"]!.GetValue<string>());
        Assert.Equal(Svedala, revision["municipality"]!["code"]!.GetValue<string>());
        Assert.Equal("Juryns omröstning räknades om.", revision["reason"]!.GetValue<string>());
        Assert.Contains("Habo visar vägen.", after["history"]!.AsArray().Select(e => e!["motivation"]?.GetValue<string>()));
        Assert.Equal(
            "Svedala",
            (await kvk.Server.QueryAsync("query($y: Int!) { award(year: $y) { municipality { name } } }", new { y = year }))["award"]!["municipality"]!["name"]!
                .GetValue<string>());
    }

    [Fact]
    public async Task An_internal_note_is_read_by_the_secretariat_only()
    {
        const string Note = "Kommunchefen ringde; tala inte om varför.";
        var year = (await kvk.Given.ARoundWithNominees(Kiruna)).Year;
        await kvk.AcceptedAsync(
            "withdrawNomination", "WithdrawNominationInput", new { year, municipalityCode = Kiruna, reason = "Kommunen avböjde.", internalNote = Note });

        var secretariat = await RoundAsync(year, SecretariatKvk.AnnaToken);
        Assert.Equal(
            Note,
            Assert.Single(secretariat["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "internal_note_recorded")!["note"]!.GetValue<string>());

        var publicRound = await RoundAsync(year, null);
        Assert.Contains(publicRound["history"]!.AsArray(), e => e!["reason"]?.GetValue<string>() == "Kommunen avböjde.");
        Assert.DoesNotContain(publicRound["history"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "internal_note_recorded" || e["note"] is not null);
        string[] publicPaths =
            [ExplorerLanguage.Swedish.Round(year), ExplorerLanguage.English.Round(year), "/download/nominations.csv", "/download/awards.csv"];
        foreach (var path in publicPaths)
        {
            Assert.DoesNotContain("Kommunchefen ringde", await kvk.Server.Client.GetStringAsync(path), StringComparison.Ordinal);
        }

        var nominations = Support.KvkTestServer.Pretty(
            await kvk.Server.PostAsync(
                "query($y: Int!) { nominations(first: 50, where: { year: { eq: $y } }) { nodes { withdrawalReason } } }", new { y = year }));
        Assert.DoesNotContain("Kommunchefen ringde", nominations, StringComparison.Ordinal);
        Assert.Contains("Kommunen avböjde.", nominations, StringComparison.Ordinal);
    }
}

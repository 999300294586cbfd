using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Rounds;

/// <summary>A round built by the test, step by step: its history, and the round as it stood at each step.</summary>
public sealed class RoundHistoryTests : IAsyncLifetime
{
    private const string Habo = "0643";
    private const string Svedala = "1263";
    private const string Motivation = "Habo visar att styrningen av verksamheterna ger resultat för invånarna.";
    private static readonly DateTimeOffset Gala = new(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1));
    private KvkTestServer _server = null!;

    /// <summary>The round the test follows step by step, announced and then corrected.</summary>
    private int _announced;

    /// <summary>A round decided and not announced.</summary>
    private int _secret;

    public async Task InitializeAsync()
    {
        _server = await KvkTestServer.StartAsync();
        var given = Given.On(_server);
        _announced = given.AFreeYear();
        await _server.RecordAsync(
            new OpenRound(_announced),
            new NominateMunicipality(_announced, Habo),
            new NominateMunicipality(_announced, Svedala),
            new WithdrawNomination(_announced, Svedala, "Kommunen avböjde."),
            new RecordJuryDecision(_announced, Habo, Motivation, null),
            new AnnounceAward(_announced, Gala),
            new CorrectMotivation(_announced, Motivation + " En värdig vinnare.", "Meningen föll bort vid publiceringen."));
        _secret = (await given.ADecidedRound(Svedala, "Svedala är en hemlig vinnare.", Svedala)).Year;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonArray> History(int year) =>
        (await _server.QueryAsync($"{{ round(year: {year}) {{ history {{ sequence version type occurredAt actor summary municipality {{ code }} " +
            "motivation reason } } }"))["round"]!["history"]!.AsArray();

    [Fact]
    public async Task History_lists_every_event_oldest_first_with_who_recorded_it()
    {
        var history = await History(_announced);

        Assert.Equal(
            [
                "round_opened",
                "municipality_nominated",
                "municipality_nominated",
                "nomination_withdrawn",
                "nominations_closed",
                "jury_decision_recorded",
                "award_announced",
                "motivation_corrected",
            ],
            history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 8), history.Select(e => e!["version"]!.GetValue<int>()));
        Assert.All(history, e => Assert.Equal(RecordedRounds.Secretary, e!["actor"]!.GetValue<string>()));
        Assert.Equal("Withdrew the nomination of Svedala: Kommunen avböjde.", history[3]!["summary"]!.GetValue<string>());
        var sequences = history.Select(e => e!["sequence"]!.GetValue<int>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task A_correction_keeps_the_original_motivation_in_history_and_the_award_shows_the_new_one()
    {
        var history = await History(_announced);
        var award = (await _server.QueryAsync($"{{ award(year: {_announced}) {{ motivation announcedAt }} }}"))["award"]!;

        Assert.Equal(Motivation, history[5]!["motivation"]!.GetValue<string>());
        Assert.Equal(Motivation + " En värdig vinnare.", history[7]!["motivation"]!.GetValue<string>());
        Assert.Equal("Meningen föll bort vid publiceringen.", history[7]!["reason"]!.GetValue<string>());
        Assert.Equal(Motivation + " En värdig vinnare.", award["motivation"]!.GetValue<string>());
        Assert.Equal(Gala, DateTimeOffset.Parse(award["announcedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1, "NOMINATING", new string[0], false)]
    [InlineData(3, "NOMINATING", new[] { Habo, Svedala }, false)]
    [InlineData(4, "NOMINATING", new[] { Habo }, false)]
    [InlineData(6, "DECIDED", new[] { Habo }, false)]
    [InlineData(7, "ANNOUNCED", new[] { Habo }, true)]
    public async Task A_round_at_a_version_is_folded_from_its_events(int version, string status, string[] nominees, bool decisionShown)
    {
        var round = (
            await _server.QueryAsync(
                "query($y: Int!, $v: Int) { round(year: $y, version: $v) { "
                + "version status nominees { municipality { code } } decision { motivation } award { year } history { version } } }",
                new { y = _announced, v = version }))["round"]!;

        Assert.Equal(version, round["version"]!.GetValue<int>());
        Assert.Equal(status, round["status"]!.GetValue<string>());
        Assert.Equal(nominees, round["nominees"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()));
        Assert.Equal(decisionShown, round["decision"] is not null);
        Assert.Equal(decisionShown, round["award"] is not null);
        Assert.Equal(version, round["history"]!.AsArray().Count);
        if (decisionShown)
        {
            Assert.Equal(Motivation, round["decision"]!["motivation"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_round_as_of_a_moment_is_the_state_after_the_events_recorded_until_then()
    {
        var history = await History(_announced);
        var afterWithdrawal = history[3]!["occurredAt"]!.GetValue<string>();

        var data = await _server.QueryAsync(
            "query($y: Int!, $t: DateTime) { then: round(year: $y, asOf: $t) { version nominees { municipality { code } } } }",
            new { y = _announced, t = afterWithdrawal });
        var before = await _server.PostAsync("query($y: Int!) { before: round(year: $y, asOf: \"2000-01-01T00:00:00Z\") { year } }", new { y = _announced });

        Assert.Equal(4, data["then"]!["version"]!.GetValue<int>());
        Assert.Equal([Habo], data["then"]!["nominees"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()));
        Assert.Null(before["data"]!["before"]);
        Assert.Equal("NOT_YET_RECORDED", before["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unannounced_decision_reaches_no_anonymous_reader()
    {
        var history = await History(_secret);
        var data = await _server.QueryAsync(
            """
            query($y: Int!) {
              round(year: $y) { status decision { motivation } award { year } nominees { isWinner } }
              past: round(year: $y, version: 3) { decision { motivation } }
              award(year: $y) { year }
              search(text: "hemlig") { totalCount }
              awards(where: { year: { eq: $y } }) { totalCount } }
            """,
            new { y = _secret });

        var decision = history.Single(e => e!["type"]!.GetValue<string>() == "jury_decision_recorded")!;
        Assert.Null(decision["motivation"]);
        Assert.Null(decision["municipality"]);
        Assert.DoesNotContain("Svedala", decision["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("DECIDED", data["round"]!["status"]!.GetValue<string>());
        Assert.Null(data["round"]!["decision"]);
        Assert.Null(data["round"]!["award"]);
        Assert.False(data["round"]!["nominees"]![0]!["isWinner"]!.GetValue<bool>());
        Assert.Null(data["past"]!["decision"]);
        Assert.Null(data["award"]);
        Assert.Equal(0, data["search"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, data["awards"]!["totalCount"]!.GetValue<int>());
        using var csv = await _server.Client.GetAsync("/download/awards.csv");
        Assert.DoesNotContain("hemlig", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_inflected_forms_with_swedish_stemming_and_highlights_them()
    {
        var hits = (await _server.QueryAsync("{ search(text: \"styrning\") { totalCount nodes { rank excerpt award { year } } } }"))["search"]!;

        var hit = hits["nodes"]!.AsArray().Single(h => h!["award"]!["year"]!.GetValue<int>() == _announced)!;
        Assert.Contains("<mark>styrningen</mark>", hit["excerpt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(hit["rank"]!.GetValue<double>() > 0);
        Assert.Equal(4, hits["totalCount"]!.GetValue<int>());
        var ranks = hits["nodes"]!.AsArray().Select(h => h!["rank"]!.GetValue<double>()).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
    }

    [Fact]
    public async Task Time_travel_refuses_both_a_moment_and_a_version()
    {
        var response = await _server.PostAsync(
            "query($y: Int!) { round(year: $y, version: 2, asOf: \"2027-01-01T00:00:00Z\") { year } }", new { y = _announced });

        Assert.Equal("INVALID_TIME_TRAVEL", response["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

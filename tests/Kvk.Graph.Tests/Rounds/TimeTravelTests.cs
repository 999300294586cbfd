using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Secretariat;

namespace Kvk.Graph.Tests.Rounds;

/// <summary>The record is exact at every version: time travel folds every view of a round from the same events, and keeps the embargo.</summary>
public sealed class TimeTravelTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private const string Habo = "0643";
    private const string Svedala = "1263";
    private const string Round = "status version decision { motivation } award { motivation round { version } } nominees { isWinner municipality { code } " +
        "round { version } } history { type }";

    [Fact]
    public async Task At_the_decision_nothing_shows_a_winner_and_at_the_announcement_the_award_is_as_announced_not_as_corrected_later()
    {
        var round = await kvk.Given.AnAnnouncedRoundWithACorrection("Som rättad.", "Ett ord.", Habo, "Som beslutad.", Habo, Svedala);
        var (year, decided, announced) = (round.Year, round.DecidedVersion!.Value, round.AnnouncedVersion!.Value);

        foreach (var token in new[] { null, SecretariatKvk.AnnaToken })
        {
            var atDecision = await RoundAsync(year, decided, token);
            var atAnnouncement = await RoundAsync(year, announced, token);

            Assert.Equal("DECIDED", (string?)atDecision["status"]);
            Assert.All(atDecision["nominees"]!.AsArray(), n => Assert.False((bool)n!["isWinner"]!));
            Assert.All(atDecision["nominees"]!.AsArray(), n => Assert.Equal(decided, (int)n!["round"]!["version"]!));
            Assert.Null(atDecision["award"]);
            Assert.Equal(token is null ? null : "Som beslutad.", (string?)atDecision["decision"]?["motivation"]);
            Assert.DoesNotContain(atDecision["history"]!.AsArray(), h => (string?)h!["type"] is "award_announced" or "motivation_corrected");

            Assert.Equal("Som beslutad.", (string?)atAnnouncement["award"]!["motivation"]);
            Assert.Equal(announced, (int)atAnnouncement["award"]!["round"]!["version"]!);
            Assert.Equal("Som beslutad.", (string?)atAnnouncement["decision"]!["motivation"]);
            Assert.True((bool)atAnnouncement["nominees"]!.AsArray().Single(n => (string?)n!["municipality"]!["code"] == Habo)!["isWinner"]!);
        }

        var now = await kvk.Server.QueryAsync($"{{ round(year: {year}) {{ award {{ motivation }} }} }}");
        Assert.Equal("Som rättad.", (string?)now["round"]!["award"]!["motivation"]);
    }

    [Fact]
    public async Task A_nomination_withdrawn_and_nominated_again_keeps_its_withdrawal_in_the_api_and_in_the_download()
    {
        var year = (await kvk.Given.ARoundWithNominees(Habo)).Year;
        await kvk.AcceptedAsync(
            "withdrawNomination",
            "WithdrawNominationInput",
            new { year, municipalityCode = Habo, reason = "Kommunen bad om att få avstå." });
        await kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo });

        var nomination = (await kvk.Server.QueryAsync($"{{ nominations(where: {{ year: {{ eq: {year} }} }}) {{ nodes {{ withdrawnAt history {{ change reason " +
            "recordedAt } } } }"))["nominations"]!["nodes"]![0]!;
        var csv = await kvk.Server.Client.GetStringAsync("/download/nominations.csv");

        Assert.Null(nomination["withdrawnAt"]);
        Assert.Equal(["NOMINATED", "WITHDRAWN", "NOMINATED"], nomination["history"]!.AsArray().Select(h => (string)h!["change"]!));
        Assert.Equal("Kommunen bad om att få avstå.", (string?)nomination["history"]![1]!["reason"]);
        var row = csv.Split("\r\n").Single(l => l.StartsWith($"\"{year}\",\"{Habo}\"", StringComparison.Ordinal));
        Assert.Contains("WITHDRAWN", row, StringComparison.Ordinal);
        Assert.Contains("Kommunen bad om att få avstå.", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_true_retry_answers_what_the_first_request_answered_even_after_later_changes()
    {
        var year = (await kvk.Given.AnOpenRound()).Year;
        var first = await kvk.AcceptedAsync(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo, clientMutationId = $"retry-{year}" });
        await kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Svedala });

        var retry = await kvk.AcceptedAsync(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo, clientMutationId = $"retry-{year}" });

        Assert.Equal(first.ToJsonString(), retry.ToJsonString());
        Assert.Equal(2, (int)retry["round"]!["version"]!);
        Assert.Equal(3, (await kvk.EventsAsync(year)).Count);
    }

    private async Task<JsonNode> RoundAsync(int year, int version, string? token)
    {
        var response = await kvk.Server.PostAsync($"{{ round(year: {year}, version: {version}) {{ {Round} }} }}", null, token);
        Assert.Null(response["errors"]);
        return response["data"]!["round"]!;
    }
}

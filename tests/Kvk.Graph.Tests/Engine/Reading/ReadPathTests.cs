using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Explorer;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Reading;

/// <summary>
/// Every public read goes to the read database and every secretariat read to the primary. The read database here is a
/// frozen copy of the seeded record (a second database seeded alike, never written again), so a correction recorded on
/// the primary shows wherever a read went to the primary and nowhere a read went to the read database.
/// </summary>
public sealed class ReadPathTests : IAsyncLifetime
{
    private const string Token = "test-token-read-path-5d2a";

    private KvkTestServer _server = null!;
    private int _year;

    public async Task InitializeAsync()
    {
        var frozen = await TestPostgres.CreateDatabaseAsync();
        await (await KvkTestServer.StartAsync(frozen)).DisposeAsync();
        _server = await KvkTestServer.StartAsync(
            null,
            $"--ConnectionStrings:KvkRead={frozen}",
            "--Kvk:Secretariat:Tokens:0:Name=Read Path",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        _year = (int)(await _server.QueryAsync("{ awards(first: 1) { nodes { year } } }"))["awards"]!["nodes"]![0]!["year"]!;
        var corrected = await _server.PostAsync(
            "mutation($input: CorrectMotivationInput!) { correctMotivation(input: $input) { errors { __typename } } }",
            new { input = new { year = _year, motivation = "En rättad motivering, bara i primären.", reason = "Läsvägen prövas." } },
            Token);
        Assert.True(corrected["data"]?["correctMotivation"]?["errors"] is null, corrected.ToJsonString());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private const string HistoryAndTimeTravel =
        "query($year: Int!, $version: Int!) { round(year: $year) { version history { type } } past: round(year: $year, version: $version) { version } }";

    private Task<JsonNode> ReadAsync(string? token) =>
        _server.PostAsync(HistoryAndTimeTravel, new { year = _year, version = 1 }, token);

    private static bool Corrected(JsonNode answer) =>
        answer["data"]!["round"]!["history"]!.AsArray().Any(e => (string?)e!["type"] == "motivation_corrected");

    [Fact]
    public async Task The_public_reads_the_round_its_history_and_its_past_from_the_read_database()
    {
        var publicAnswer = await ReadAsync(null);
        var secretariatAnswer = await ReadAsync(Token);

        Assert.False(Corrected(publicAnswer), publicAnswer.ToJsonString());
        Assert.True(Corrected(secretariatAnswer), secretariatAnswer.ToJsonString());
        Assert.Equal((int)publicAnswer["data"]!["round"]!["version"]! + 1, (int)secretariatAnswer["data"]!["round"]!["version"]!);
        Assert.Equal(1, (int)publicAnswer["data"]!["past"]!["version"]!);
    }

    [Fact]
    public async Task Time_travel_to_a_version_only_the_primary_holds_is_empty_for_the_public()
    {
        var latest = (int)(await ReadAsync(Token))["data"]!["round"]!["version"]!;
        var query = "query($year: Int!, $version: Int!) { round(year: $year, version: $version) { version } }";

        var publicPast = await _server.PostAsync(query, new { year = _year, version = latest });
        var secretariatPast = await _server.PostAsync(query, new { year = _year, version = latest }, Token);

        Assert.Equal(latest, (int)secretariatPast["data"]!["round"]!["version"]!);
        Assert.NotEqual(latest, (int?)publicPast["data"]?["round"]?["version"]);
    }

    [Fact]
    public async Task A_round_page_reads_the_read_database_as_the_public_does()
    {
        var page = await ExplorerPages.GetOkAsync(_server.Client, $"/omgang/{_year}");

        Assert.DoesNotContain("Läsvägen prövas", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Motiveringen rättades", page.Html, StringComparison.Ordinal);
    }
}

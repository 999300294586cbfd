using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using static Kvk.Graph.Tests.Secretariat.Credentials.IssuedCredentials;

namespace Kvk.Graph.Tests.Secretariat.Credentials;

/// <summary>
/// A press credential reads the jury's decision before the announcement, records nothing, leaves a trace the secretariat
/// reads for every such read, and its answers are never kept where the public could get them.
/// </summary>
public sealed class PressEmbargoTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    /// <summary>A word in no other motivation, in ASCII so that it is found in JSON whatever its escaping.</summary>
    private const string SecretWord = "Pressembargot";

    private const string SecretMotivation = $"Pressen läser {SecretWord} före alla andra.";

    private const string PressRead = """
        query PressRead($y: Int!) {
          viewer { isPress isSecretariat name }
          round(year: $y) { status decision { motivation municipality { code name } } history { type motivation municipality { code } } }
        }
        """;

    [Fact]
    public async Task The_press_reads_an_undisclosed_decision_and_the_read_is_logged_for_the_secretariat()
    {
        var press = await IssueAsync(kvk.Server, UniqueName("Tidning Ek"), "press");
        var round = await kvk.Given.ADecidedRound(Given.Svedala, SecretMotivation, Given.Habo, Given.Svedala);

        var read = await kvk.Server.PostAsync(PressRead, new { y = round.Year }, press.Token, operationName: "PressRead");

        Assert.Null(read["errors"]);
        var data = read["data"]!;
        Assert.True((bool)data["viewer"]!["isPress"]!);
        Assert.False((bool)data["viewer"]!["isSecretariat"]!);
        Assert.Equal("DECIDED", (string?)data["round"]!["status"]);
        Assert.Equal(SecretMotivation, (string?)data["round"]!["decision"]!["motivation"]);
        Assert.Equal(Given.Svedala, (string?)data["round"]!["decision"]!["municipality"]!["code"]);
        var decided = Assert.Single(data["round"]!["history"]!.AsArray(), e => (string?)e!["type"] == "jury_decision_recorded")!;
        Assert.Equal(SecretMotivation, (string?)decided["motivation"]);

        var log = await kvk.Server.PostAsync(
            "query($y: Int) { viewer { embargoReads(year: $y) { credentialName year readAt operation } } }", new { y = round.Year }, SecretariatKvk.AnnaToken);
        var entry = Assert.Single(log["data"]!["viewer"]!["embargoReads"]!.AsArray())!;
        Assert.Equal(press.Name, (string?)entry["credentialName"]);
        Assert.Equal(round.Year, (int)entry["year"]!);
        Assert.Equal("PressRead", (string?)entry["operation"]);

        var asPress = await kvk.Server.PostAsync("query($y: Int) { viewer { embargoReads(year: $y) { year } } }", new { y = round.Year }, press.Token);
        Assert.Null(asPress["data"]!["viewer"]!["embargoReads"]);
    }

    [Fact]
    public async Task An_announced_decision_read_by_the_press_is_not_an_embargo_read()
    {
        var press = await IssueAsync(kvk.Server, UniqueName("Tidning Fri"), "press");
        var round = await kvk.Given.AnAnnouncedRound();

        await kvk.Server.PostAsync(PressRead, new { y = round.Year }, press.Token, operationName: "PressRead");

        var log = await kvk.Server.PostAsync(
            "query($y: Int) { viewer { embargoReads(year: $y) { year } } }", new { y = round.Year }, SecretariatKvk.AnnaToken);
        Assert.Empty(log["data"]!["viewer"]!["embargoReads"]!.AsArray());
    }

    [Theory]
    [InlineData("openRound", "OpenRoundInput")]
    [InlineData("announceAward", "AnnounceAwardInput")]
    public async Task Every_mutation_of_the_press_is_forbidden_and_records_nothing(string field, string inputType)
    {
        var press = await IssueAsync(kvk.Server, UniqueName("Tidning Nej"), "press");
        var round = await kvk.Given.ADecidedRound();
        var before = await kvk.EventsAsync(round.Year);

        var response = await kvk.Server.PostAsync(
            $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ errors {{ __typename }} }} }}",
            new { input = new { year = round.Year } },
            press.Token);

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Equal("FORBIDDEN", (string?)error["extensions"]!["code"]);
        Assert.Equal(before.Count, (await kvk.EventsAsync(round.Year)).Count);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task A_press_answer_is_private_and_the_public_asking_the_same_right_after_gets_no_decision(string method)
    {
        var press = await IssueAsync(kvk.Server, UniqueName("Tidning Cache"), "press");
        var round = await kvk.Given.ADecidedRound(Given.Habo, SecretMotivation);
        var query = $"{{ round(year: {round.Year}) {{ decision {{ motivation }} }} }}";

        using (var asPress = Transports.Request(method, query))
        {
            asPress.Headers.Authorization = new AuthenticationHeaderValue("Bearer", press.Token);
            using var answer = await kvk.Server.Client.SendAsync(asPress);
            Assert.Contains(SecretMotivation, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(answer.Headers.CacheControl!.Private);
            Assert.True(answer.Headers.CacheControl.NoStore);
            Assert.False(answer.Headers.CacheControl.Public);
        }

        using var asPublic = Transports.Request(method, query);
        using var publicAnswer = await kvk.Server.Client.SendAsync(asPublic);
        var body = JsonNode.Parse(await publicAnswer.Content.ReadAsStringAsync())!;
        Assert.Null(body["data"]!["round"]!["decision"]);
    }

    [Fact]
    public async Task While_the_press_reads_the_public_sees_no_decision_on_any_path()
    {
        var press = await IssueAsync(kvk.Server, UniqueName("Tidning Samtidig"), "press");
        var round = await kvk.Given.ADecidedRound(Given.Svedala, SecretMotivation, Given.Habo, Given.Svedala);
        var query = $"{{ round(year: {round.Year}) {{ decision {{ motivation }} history {{ motivation }} }} " +
            $"awards(where: {{ year: {{ eq: {round.Year} }} }}) {{ totalCount }} }}";

        for (var i = 0; i < 3; i++)
        {
            var pressing = Transports.SendAsync(kvk.Server, Transports.Get, query, token: press.Token);
            var publicGet = Transports.SendAsync(kvk.Server, Transports.Get, query);
            var publicPost = Transports.SendAsync(kvk.Server, Transports.Post, query);
            var page = ExplorerPagesOf(round.Year);
            await Task.WhenAll(pressing, publicGet, publicPost, page);

            Assert.Equal(SecretMotivation, (string?)(await pressing).Response["data"]!["round"]!["decision"]!["motivation"]);
            foreach (var answer in new[] { (await publicGet).Response, (await publicPost).Response })
            {
                Assert.DoesNotContain(SecretWord, answer.ToJsonString(), StringComparison.Ordinal);
                Assert.Null(answer["data"]!["round"]!["decision"]);
                Assert.Equal(0, (int)answer["data"]!["awards"]!["totalCount"]!);
            }

            Assert.DoesNotContain(SecretWord, await page, StringComparison.Ordinal);
        }
    }

    private async Task<string> ExplorerPagesOf(int year) => await kvk.Server.Client.GetStringAsync($"/omgang/{year}");
}

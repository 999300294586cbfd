using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kvk.Bench;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Secretariat.Scheduling;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// A scheduled announcement with two host processes on one database: both look for due announcements, and the award
/// is announced once, at its moment, and not before.
/// </summary>
public sealed class ScheduledAnnouncementTests
{
    private const string Token = "schedule-test-token-41c9";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static readonly string[] TokenArguments =
    [
        "--Kvk:Secretariat:Tokens:0:Name=Anna Andersson",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}",
    ];

    [Fact]
    public async Task A_scheduled_announcement_happens_once_at_its_moment_with_two_hosts_running()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        await using var hostA = await HostProcess.StartAsync(database, TokenArguments);
        await using var hostB = await HostProcess.StartAsync(database, TokenArguments);
        using var clientA = new HttpClient { BaseAddress = new Uri(hostA.Url) };
        using var clientB = new HttpClient { BaseAddress = new Uri(hostB.Url) };

        var year = (await Given.AsSecretary(clientA, database, Token).ARoundWithNominees("0643", "1263")).Year;
        await AcceptedAsync(
            clientB, "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = "0643", motivation = "Habo visar vägen." });
        var at = DateTimeOffset.UtcNow.AddSeconds(6);
        var scheduled = await AcceptedAsync(clientB, "scheduleAnnouncement", "ScheduleAnnouncementInput", new { year, at });

        var publicRound =
            $"{{ round(year: {year}) {{ status decision {{ recipientName }} award {{ recipientName }} scheduledAnnouncementAt }} "
            + $"award(year: {year}) {{ recipientName }} }}";
        var before = (await PostAsync(clientA, publicRound))["data"]!;
        Assert.Equal("DECIDED", before["round"]!["status"]!.GetValue<string>());
        Assert.Null(before["round"]!["decision"]);
        Assert.Null(before["round"]!["award"]);
        Assert.Null(before["award"]);
        Assert.Equal(
            at.ToUnixTimeMilliseconds(),
            DateTimeOffset.Parse(
                scheduled["round"]!["scheduledAnnouncementAt"]!.GetValue<string>(),
                System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());

        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonNode after;
        while ((after = (await PostAsync(clientB, publicRound))["data"]!)["round"]!["status"]!.GetValue<string>() != "ANNOUNCED" && waited.Elapsed < Wait)
        {
            await Task.Delay(200);
        }

        Assert.Equal("Habo kommun", after["award"]?["recipientName"]?.GetValue<string>());
        Assert.Null(after["round"]!["scheduledAnnouncementAt"]);

        var history = (await PostAsync(clientA, $"{{ round(year: {year}) {{ announcedAt history {{ type actor occurredAt }} }} }}", Token))["data"]!["round"]!;
        var announcements = history["history"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "award_announced").ToList();
        var announcement = Assert.Single(announcements)!;
        Assert.Equal(ScheduledAnnouncer.Actor, announcement["actor"]!.GetValue<string>());
        Assert.True(Moment(announcement["occurredAt"]!) >= at.AddMilliseconds(-1), $"Announced at {announcement["occurredAt"]}, before {at:O}.");
        Assert.Equal(at.ToUnixTimeMilliseconds(), Moment(history["announcedAt"]!).ToUnixTimeMilliseconds());
    }

    private static DateTimeOffset Moment(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonNode> AcceptedAsync(HttpClient client, string field, string inputType, object input)
    {
        var response = await PostAsync(client, $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ round {{ status scheduledAnnouncementAt }} " +
            "errors { ... on Error { code message } } } }", Token, new { input });
        var payload = response["data"]?[field] ?? throw new InvalidOperationException(response.ToJsonString());
        Assert.True(payload["errors"] is null, $"{field} was refused: {payload["errors"]?.ToJsonString()}");
        return payload;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string query, string? token = null, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

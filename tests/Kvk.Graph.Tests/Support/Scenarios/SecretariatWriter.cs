using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kvk.Domain.Rounds;

namespace Kvk.Graph.Tests.Support.Scenarios;

/// <summary>Records through the real API: each command is its GraphQL mutation, POSTed with a secretary's token.</summary>
public sealed class SecretariatWriter(HttpClient client, string connectionString, string token) : RoundWriter(connectionString)
{
    public override async Task<int> RecordAsync(RoundCommand command)
    {
        var (field, input) = Mutation(command);
        var inputType = char.ToUpperInvariant(field[0]) + field[1..] + "Input";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new
            {
                query = $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ round {{ version }} errors {{ ... on Error {{ code message }} }} }} }}",
                variables = new { input },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var payload = body?["data"]?[field] ?? throw new InvalidOperationException($"{field} failed: {body?.ToJsonString()}");
        Assert.True(payload["errors"] is null, $"{field} was refused: {payload["errors"]?.ToJsonString()}");
        return (int)payload["round"]!["version"]!;
    }

    /// <summary>The mutation that asks for the command: the commands a scenario uses, with the fields they set.</summary>
    private static (string Field, object Input) Mutation(RoundCommand command) => command switch
    {
        OpenRound c => ("openRound", new { year = c.Year }),
        NominateMunicipality c => ("nominateMunicipality", new { year = c.Year, municipalityCode = c.MunicipalityCode }),
        CloseNominations c => ("closeNominations", new { year = c.Year }),
        RecordJuryDecision c => ("recordJuryDecision", new { year = c.Year, municipalityCode = c.MunicipalityCode, motivation = c.Motivation }),
        ScheduleAnnouncement c => ("scheduleAnnouncement", new { year = c.Year, at = c.At }),
        AnnounceAward c => ("announceAward", new { year = c.Year, announcedAt = c.AnnouncedAt }),
        CorrectMotivation c => ("correctMotivation", new { year = c.Year, motivation = c.Motivation, reason = c.Reason }),
        _ => throw new ArgumentException($"No scenario step sends {command.GetType().Name}.", nameof(command)),
    };
}

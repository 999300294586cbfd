using System.Text.Json.Nodes;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Tests.Secretariat;
using Kvk.Storage.Rounds;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Rounds;

/// <summary>
/// For random sequences of commands, at every version of a round's stream, what time travel serves over HTTP equals a
/// fresh projection of that prefix of the stream — the round, its nominations, its decision and its award — with the
/// embargo applied for a public reader and not for the secretariat.
/// </summary>
public sealed class TimeTravelProperties(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private static readonly string[] Codes = ["0643", "1263", "0180", "1284"];
    private const string Query = "query($y: Int!, $v: Int) { round(year: $y, version: $v) { status version decision { motivation municipality { code } } " +
        "award { motivation municipality { code } } nominees(order: RECORDED) { isWinner withdrawnAt municipality { code } history { change } } } }";

    [Fact]
    public async Task Every_version_of_every_random_round_is_served_as_a_fresh_projection_of_its_prefix()
    {
        var recorder = kvk.Server.Services.GetRequiredService<RoundRecorder>();
        var municipalities = kvk.Server.Services.GetRequiredService<MunicipalityDirectory>();
        var random = new Random(20251123);
        var checkedVersions = 0;
        for (var round = 0; round < 6; round++)
        {
            var year = kvk.Given.AFreeYear();
            foreach (var command in Commands(random, year))
            {
                await recorder.RecordAsync(command, "property");
            }

            await using var session = kvk.Server.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var events = await session.Events.FetchStreamAsync(AwardYear.StreamKey(year));
            for (var version = 1; version <= events.Count; version++)
            {
                var views = RoundViews.Fold(AwardYear.StreamKey(year), events.Take(version), municipalities);
                foreach (var secretariat in new[] { false, true })
                {
                    var served = await kvk.Server.PostAsync(Query, new { y = year, v = version }, secretariat ? SecretariatKvk.AnnaToken : null);
                    Assert.Null(served["errors"]);
                    Assert.Equal(Expected(views, secretariat).ToJsonString(), served["data"]!["round"]!.ToJsonString());
                    checkedVersions++;
                }
            }
        }

        Assert.True(checkedVersions > 60, $"Only {checkedVersions} versions were checked.");
    }

    /// <summary>Open, then a random run of every other command: accepted and refused alike, as a secretariat would send them.</summary>
    private static IEnumerable<RoundCommand> Commands(Random random, int year)
    {
        yield return new OpenRound(year);
        for (var i = 0; i < 14; i++)
        {
            var code = Codes[random.Next(Codes.Length)];
            yield return random.Next(10) switch
            {
                < 4 => new NominateMunicipality(year, code),
                4 or 5 => new WithdrawNomination(year, code, $"Skäl {i}."),
                6 => new CloseNominations(year),
                7 => new RecordJuryDecision(year, code, $"Motivering {i}.", null),
                8 => new AnnounceAward(year, null),
                _ => new CorrectMotivation(year, $"Rättad motivering {i}.", $"Rättelse {i}."),
            };
        }
    }

    /// <summary>What the round at this prefix must look like to the reader, built from the projections' own documents.</summary>
    private static JsonObject Expected(RoundViews views, bool secretariat)
    {
        var round = views.Round!;
        var announced = round.Status == RoundStatus.Announced;
        var standing = round.Nominees.Select(n => views.Nominations.Single(v => v.MunicipalityCode == n.MunicipalityCode));
        return new JsonObject
        {
            ["status"] = ConstantName.Of(round.Status),
            ["version"] = (int)round.Version,
            ["decision"] = round.Decision is { } d && (announced || secretariat)
                ? new JsonObject { ["motivation"] = d.Motivation, ["municipality"] = new JsonObject { ["code"] = d.MunicipalityCode } }
                : null,
            ["award"] = announced && views.Award is { } a
                ? new JsonObject { ["motivation"] = a.Motivation, ["municipality"] = new JsonObject { ["code"] = a.MunicipalityCode } }
                : null,
            ["nominees"] = new JsonArray([.. standing.Select(n => (JsonNode)new JsonObject
            {
                ["isWinner"] = n.IsWinner,
                ["withdrawnAt"] = null,
                ["municipality"] = new JsonObject { ["code"] = n.MunicipalityCode },
                ["history"] = new JsonArray([.. n.History.Select(h => (JsonNode)new JsonObject { ["change"] = ConstantName.Of(h.Change) })]),
            })]),
        };
    }
}

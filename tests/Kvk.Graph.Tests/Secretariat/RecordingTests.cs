using System.Text.Json.Nodes;

namespace Kvk.Graph.Tests.Secretariat;

public sealed class RecordingTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private const string Habo = "0643";
    private const string Svedala = "1263";
    private const string Stockholm = "0180";

    private Task<JsonNode> Open(int year) => kvk.AcceptedAsync("openRound", "OpenRoundInput", new { year });

    private Task<JsonNode> Nominate(int year, string municipalityCode) =>
        kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode });

    private Task<JsonNode> Decide(int year, string municipalityCode, string motivation) =>
        kvk.AcceptedAsync("recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode, motivation });

    [Fact]
    public async Task A_secretary_records_a_full_round_and_the_public_sees_the_award()
    {
        var year = kvk.Given.AFreeYear();
        var opened = await Open(year);
        Assert.Equal("NOMINATING", opened["round"]!["status"]!.GetValue<string>());
        await Nominate(year, Habo);
        await Nominate(year, Svedala);
        await Nominate(year, Stockholm);
        await kvk.AcceptedAsync("withdrawNomination", "WithdrawNominationInput", new { year, municipalityCode = Stockholm, reason = "Kommunen avstod." });
        await kvk.AcceptedAsync("closeNominations", "CloseNominationsInput", new { year });
        var decided = await Decide(year, Habo, "Habo visar hur systematiskt kvalitetsarbete ger resultat.");
        Assert.Equal("DECIDED", decided["round"]!["status"]!.GetValue<string>());
        var announced = await kvk.AcceptedAsync(
            "announceAward",
            "AnnounceAwardInput",
            new { year, announcedAt = "2025-11-18T19:00:00+01:00", expectedVersion = decided["round"]!["version"]!.GetValue<int>() },
            SecretariatKvk.BoToken);
        Assert.Equal("ANNOUNCED", announced["round"]!["status"]!.GetValue<string>());

        var data = await kvk.Server.QueryAsync(
            "query($y: Int!) { round(year: $y) { status nominees { municipality { code } isWinner } decision { recipientName motivation } "
            + "award { title recipientName motivation announcedAt municipality { name } } } }",
            new { y = year });

        var round = data["round"]!;
        Assert.Equal("ANNOUNCED", round["status"]!.GetValue<string>());
        Assert.Equal([Habo, Svedala], round["nominees"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()));
        Assert.Equal("Habo", round["award"]!["municipality"]!["name"]!.GetValue<string>());
        Assert.Equal("Habo kommun", round["award"]!["recipientName"]!.GetValue<string>());
        Assert.Equal("Habo visar hur systematiskt kvalitetsarbete ger resultat.", round["decision"]!["motivation"]!.GetValue<string>());
        Assert.Equal("2025-11-18T19:00:00+01:00", round["award"]!["announcedAt"]!.GetValue<string>());

        var events = await kvk.EventsAsync(year);
        Assert.Equal(
            [
                "round_opened",
                "municipality_nominated",
                "municipality_nominated",
                "municipality_nominated",
                "nomination_withdrawn",
                "nominations_closed",
                "jury_decision_recorded",
                "award_announced",
            ],
            events.Select(e => e.Type));
        Assert.All(events.Take(events.Count - 1), e => Assert.Equal(SecretariatKvk.AnnaName, e.User));
        Assert.Equal(SecretariatKvk.BoName, events[^1].User);
    }

    [Fact]
    public async Task A_correction_keeps_both_motivations_in_the_history()
    {
        var round = await kvk.Given.AnAnnouncedRound(winner: Svedala, motivation: "Svedala har en tydlig styrning.", nominees: Svedala);

        await kvk.AcceptedAsync(
            "correctMotivation", "CorrectMotivationInput",
            new { year = round.Year, motivation = "Svedala har en tydlig och lärande styrning.", reason = "Ett ord föll bort." });

        var award = (await kvk.Server.QueryAsync("query($y: Int!) { award(year: $y) { motivation } }", new { y = round.Year }))["award"]!;
        Assert.Equal("Svedala har en tydlig och lärande styrning.", award["motivation"]!.GetValue<string>());
        var events = await kvk.EventsAsync(round.Year);
        Assert.Equal("Svedala har en tydlig styrning.", events.Single(e => e.Type == "jury_decision_recorded").Data["motivation"]!.GetValue<string>());
        var correction = events.Single(e => e.Type == "motivation_corrected").Data;
        Assert.Equal("Svedala har en tydlig och lärande styrning.", correction["motivation"]!.GetValue<string>());
        Assert.Equal("Ett ord föll bort.", correction["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_refused_mutation_has_its_code_and_appends_nothing()
    {
        var year = kvk.Given.AFreeYear();
        var whitespace = new string(' ', 5);
        var tooLong = new string('a', 4001);
        await Refused("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo }, "ROUND_NOT_FOUND", "RoundNotFoundError");
        await Open(year);
        await Refused("openRound", "OpenRoundInput", new { year }, "ROUND_ALREADY_EXISTS", "RoundAlreadyExistsError");
        await Refused("openRound", "OpenRoundInput", new { year = year - 1 }, "INVALID_INPUT", "InvalidInputError");
        await Refused("openRound", "OpenRoundInput", new { year = 1999 }, "INVALID_INPUT", "InvalidInputError");
        await Refused(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = "9999" }, "UNKNOWN_MUNICIPALITY", "UnknownMunicipalityError");
        await Refused(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = "Habo" }, "UNKNOWN_MUNICIPALITY", "UnknownMunicipalityError");
        await Refused("closeNominations", "CloseNominationsInput", new { year }, "INVALID_INPUT", "InvalidInputError");
        await Nominate(year, Habo);
        await Refused("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo }, "ALREADY_NOMINATED", "AlreadyNominatedError");
        await Refused(
            "withdrawNomination", "WithdrawNominationInput", new { year, municipalityCode = Svedala, reason = "Fel." }, "NOT_NOMINATED", "NotNominatedError");
        await Refused(
            "withdrawNomination", "WithdrawNominationInput", new { year, municipalityCode = Habo, reason = whitespace }, "INVALID_INPUT", "InvalidInputError");
        await Refused("announceAward", "AnnounceAwardInput", new { year }, "DECISION_REQUIRED", "DecisionRequiredError");
        await Refused(
            "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Habo, motivation = "" }, "INVALID_INPUT", "InvalidInputError");
        await Refused(
            "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Habo, motivation = whitespace }, "INVALID_INPUT",
            "InvalidInputError");
        await Refused(
            "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Habo, motivation = tooLong }, "INVALID_INPUT", "InvalidInputError");
        await Refused(
            "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Svedala, motivation = "Bra." }, "NOT_NOMINATED",
            "NotNominatedError");
        await Refused("openRound", "OpenRoundInput", new { year, expectedVersion = 0 }, "CONCURRENCY_CONFLICT", "ConcurrencyConflictError");
        await Refused(
            "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Habo, motivation = "Bra.", expectedVersion = 1 },
            "CONCURRENCY_CONFLICT", "ConcurrencyConflictError");
        await Refused(
            "correctMotivation", "CorrectMotivationInput", new { year, motivation = "Bättre.", reason = "Stavfel." }, "NOT_ANNOUNCED", "NotAnnouncedError");
        await Decide(year, Habo, "Bra.");
        await Refused(
            "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = Habo, motivation = "Bra." }, "ALREADY_DECIDED",
            "AlreadyDecidedError");
        await Refused("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Svedala }, "ROUND_CLOSED", "RoundClosedError");
        await Refused("closeNominations", "CloseNominationsInput", new { year }, "ROUND_CLOSED", "RoundClosedError");
        await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year });
        await Refused("announceAward", "AnnounceAwardInput", new { year }, "ALREADY_ANNOUNCED", "AlreadyAnnouncedError");
        await Refused(
            "correctMotivation", "CorrectMotivationInput", new { year, motivation = "Bättre.", reason = whitespace }, "INVALID_INPUT", "InvalidInputError");
        await Refused(
            "correctMotivation", "CorrectMotivationInput", new { year, motivation = "Bra.", reason = "Samma." }, "INVALID_INPUT", "InvalidInputError");
    }

    [Theory]
    [InlineData("withdrawNomination", "{ year: $y, municipalityCode: \"0643\" }")]
    [InlineData("correctMotivation", "{ year: $y, motivation: \"Bättre.\" }")]
    public async Task A_required_reason_is_required_by_the_schema_and_its_absence_is_named(string field, string input)
    {
        var response = await kvk.Server.PostAsync(
            $"mutation($y: Int!) {{ {field}(input: {input}) {{ errors {{ ... on Error {{ code }} }} }} }}",
            new { y = kvk.Given.AFreeYear() },
            SecretariatKvk.AnnaToken);

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Contains("reason", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response["data"]);
    }

    private async Task Refused(string field, string inputType, object input, string code, string typeName)
    {
        var year = (int)input.GetType().GetProperty("year")!.GetValue(input)!;
        var before = await kvk.EventsAsync(year);

        var payload = await kvk.MutateAsync(field, inputType, input);

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(typeName, error["__typename"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.Null(payload["round"]);
        Assert.Equal(before.Count, (await kvk.EventsAsync(year)).Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-secretariat-token")]
    [InlineData("")]
    public async Task A_mutation_without_a_valid_token_is_unauthenticated_and_appends_nothing(string? token)
    {
        var year = kvk.Given.AFreeYear();
        var response = await kvk.Server.PostAsync(
            "mutation($y: Int!) { openRound(input: { year: $y }) { round { year } errors { ... on Error { code } } } }", new { y = year }, token);

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Equal("UNAUTHENTICATED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("Authorization: Bearer", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await kvk.EventsAsync(year));
        Assert.Null((await kvk.Server.QueryAsync("query($y: Int!) { round(year: $y) { year } }", new { y = year }))["round"]);
    }

    [Fact]
    public async Task Of_ten_parallel_decisions_on_one_round_exactly_one_is_accepted()
    {
        var round = await kvk.Given.ARoundWithNominees(Habo, Svedala);

        var payloads = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => kvk.MutateAsync(
            "recordJuryDecision",
            "RecordJuryDecisionInput",
            new { year = round.Year, municipalityCode = i % 2 == 0 ? Habo : Svedala, motivation = $"Motivering nummer {i}." })));

        Assert.Single(payloads, p => p["errors"] is null);
        Assert.All(payloads.Where(p => p["errors"] is not null), p =>
            Assert.Contains(p["errors"]![0]!["code"]!.GetValue<string>(), new[] { "CONCURRENCY_CONFLICT", "ALREADY_DECIDED" }));
        Assert.Single(await kvk.EventsAsync(round.Year), e => e.Type == "jury_decision_recorded");
    }

    [Fact]
    public async Task A_retried_mutation_with_the_same_client_mutation_id_has_the_effect_of_one()
    {
        var year = kvk.Given.AFreeYear();
        var first = await kvk.AcceptedAsync("openRound", "OpenRoundInput", new { year, clientMutationId = $"open-{year}" });
        var retry = await kvk.AcceptedAsync("openRound", "OpenRoundInput", new { year, clientMutationId = $"open-{year}" });
        Assert.Equal(first.ToJsonString(), retry.ToJsonString());
        Assert.Equal($"open-{year}", retry["clientMutationId"]!.GetValue<string>());

        // Retries racing each other: still one nomination.
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            kvk.MutateAsync(
                "nominateMunicipality", "NominateMunicipalityInput",
                new { year, municipalityCode = Habo, clientMutationId = $"nominate-habo-{year}", expectedVersion = 1 })));
        Assert.All(racing, p => Assert.Null(p["errors"]));
        Assert.All(racing, p => Assert.Equal(2, p["round"]!["version"]!.GetValue<int>()));

        // Another secretary's id is their own; an id reused for another mutation, or with other input, is refused.
        await kvk.AcceptedAsync(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Svedala, clientMutationId = $"nominate-habo-{year}" },
            SecretariatKvk.BoToken);
        var reused = await kvk.MutateAsync(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Stockholm, clientMutationId = $"open-{year}" });
        var otherInput = await kvk.MutateAsync(
            "nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Stockholm, clientMutationId = $"nominate-habo-{year}" });
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", reused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", otherInput["errors"]![0]!["code"]!.GetValue<string>());

        Assert.Equal(["round_opened", "municipality_nominated", "municipality_nominated"], (await kvk.EventsAsync(year)).Select(e => e.Type));
    }

    [Fact]
    public async Task Nothing_of_an_unannounced_decision_reaches_an_anonymous_reader()
    {
        const string Secret = "Hemlig motivering: Svedala leder med tillit.";
        var round = await kvk.Given.ADecidedRound(Svedala, Secret, Habo, Svedala);
        const string Everything = """
            query($y: Int!) {
              round(year: $y) {
                status version decision { recipientName motivation municipality { code } } award { motivation } nominees { isWinner municipality { code } }
              }
              rounds(first: 50) { nodes { year status decision { motivation recipientName } award { motivation } nominees { isWinner } } }
              award(year: $y) { motivation }
              awards(first: 50) { nodes { year motivation recipientName } }
              nominations(first: 100) { nodes { year isWinner round { decision { motivation } } municipality { code } } }
              svedala: municipality(code: "1263") { awards { year } nominations { year isWinner round { decision { motivation } award { motivation } } } }
            }
            """;

        var year = new { y = round.Year };
        var anonymous = await kvk.Server.PostAsync(Everything, year);
        var wrongToken = await kvk.Server.PostAsync(Everything, year, "not-a-secretariat-token");
        var secretariat = await kvk.Server.PostAsync(Everything, year, SecretariatKvk.AnnaToken);

        foreach (var response in new[] { anonymous, wrongToken })
        {
            var text = response.ToJsonString();
            Assert.Null(response["errors"]);
            Assert.DoesNotContain("Hemlig motivering", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"{round.Year}", response["data"]!["awards"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal("DECIDED", response["data"]!["round"]!["status"]!.GetValue<string>());
            Assert.Null(response["data"]!["round"]!["decision"]);
            Assert.All(response["data"]!["round"]!["nominees"]!.AsArray(), n => Assert.False(n!["isWinner"]!.GetValue<bool>()));
        }

        Assert.Equal(Secret, secretariat["data"]!["round"]!["decision"]!["motivation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_date_in_the_wrong_format_is_refused_with_a_clear_message()
    {
        var response = await kvk.Server.PostAsync(
            "mutation($input: AnnounceAwardInput!) { announceAward(input: $input) { errors { ... on Error { code } } } }",
            new { input = new { year = kvk.Given.AFreeYear(), announcedAt = "18 november 2027" } },
            SecretariatKvk.AnnaToken);

        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Contains("announcedAt", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task The_viewer_tells_a_client_whether_its_token_is_valid()
    {
        const string Query = "{ viewer { isSecretariat name } }";

        var anonymous = (await kvk.Server.PostAsync(Query))["data"]!["viewer"]!;
        var wrong = (await kvk.Server.PostAsync(Query, null, "not-a-secretariat-token"))["data"]!["viewer"]!;
        var anna = (await kvk.Server.PostAsync(Query, null, SecretariatKvk.AnnaToken))["data"]!["viewer"]!;

        Assert.False(anonymous["isSecretariat"]!.GetValue<bool>());
        Assert.Null(anonymous["name"]);
        Assert.False(wrong["isSecretariat"]!.GetValue<bool>());
        Assert.True(anna["isSecretariat"]!.GetValue<bool>());
        Assert.Equal(SecretariatKvk.AnnaName, anna["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_client_mutation_id_sent_for_two_rounds_at_once_records_only_one()
    {
        int[] years = [kvk.Given.AFreeYear(), kvk.Given.AFreeYear()];
        var payloads = await Task.WhenAll(
            years.Select(year => kvk.MutateAsync("openRound", "OpenRoundInput", new { year, clientMutationId = $"open-twice-{years[0]}" })));

        var accepted = Assert.Single(payloads, p => p["errors"] is null);
        var refused = Assert.Single(payloads, p => p["errors"] is not null);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("clientMutationId", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await kvk.EventsAsync(years.Single(y => y != accepted["round"]!["year"]!.GetValue<int>())));
    }
}

using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>Many secretaries at once, on one round and on several: no lost update, no duplicate event, one decision per round.</summary>
public sealed class ConcurrencyTests
{
    private const string Token = "concurrency-test-token-0c4f";

    [Fact]
    public async Task Parallel_secretaries_lose_no_update_duplicate_no_event_and_record_one_decision_per_round()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:Secretariat:Tokens:0:Name=Parallel",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        var given = Given.AsSecretary(server, Token);
        var years = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            years.Add((await given.AnOpenRound()).Year);
        }

        var codes = new[] { "0643", "1263", "0180", "1284", "1880", "2480", "0127", "1262" };
        var nominations = years.SelectMany(year => codes.Select(code => (year, code))).ToList();
        var outcomes = await Task.WhenAll(nominations.Select(async n =>
        {
            // A secretary whose write collides reads the round again and retries, as the admin page does.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var payload = await MutateAsync(server, "nominateMunicipality", "NominateMunicipalityInput", new { year = n.year, municipalityCode = n.code });
                if (payload["errors"] is not JsonArray { Count: > 0 } errors)
                {
                    return true;
                }

                Assert.Equal("CONCURRENCY_CONFLICT", errors[0]!["code"]!.GetValue<string>());
            }

            return false;
        }));
        var decisions = await Task.WhenAll(years.SelectMany(year => codes.Take(4).Select(code =>
            MutateAsync(server, "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = code, motivation = $"{code} vann {year}." }))));

        Assert.All(outcomes, Assert.True);
        foreach (var year in years)
        {
            var nominees = (await server.QueryAsync($"{{ round(year: {year}) {{ version nominees {{ municipality {{ code }} }} }} }}"))["round"]!;
            Assert.Equal(codes.Order(), nominees["nominees"]!.AsArray().Select(n => n!["municipality"]!["code"]!.GetValue<string>()).Order());
            Assert.Equal(codes.Length, await CountAsync(server.ConnectionString, year, "municipality_nominated"));
            Assert.Equal(1, await CountAsync(server.ConnectionString, year, "jury_decision_recorded"));
        }

        Assert.Equal(years.Count, decisions.Count(d => d["errors"] is null));
    }

    [Fact]
    public async Task Secretaries_writing_at_once_without_an_expected_version_are_each_recorded_on_the_latest_round_at_the_first_ask()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:Secretariat:Tokens:0:Name=Parallel",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        var year = (await Given.AsSecretary(server, Token).AnOpenRound()).Year;
        var codes = new[] { "0643", "1263", "0180", "1284", "1880", "2480", "0127", "1262" };

        // Fewer writers than the recorder's tries: each conflict means another writer got through, so none runs out.
        Assert.True(codes.Length < Kvk.Storage.Rounds.RoundRecorder.MaxAttempts);
        var payloads = await Task.WhenAll(codes.Select(code => MutateAsync(
            server,
            "nominateMunicipality",
            "NominateMunicipalityInput",
            new { year, municipalityCode = code })));
        var decisions = await Task.WhenAll(codes.Take(4).Select(code =>
            MutateAsync(server, "recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = code, motivation = $"{code} vann {year}." })));

        Assert.All(payloads, p => Assert.Null(p["errors"]));
        Assert.Equal(codes.Length, await CountAsync(server.ConnectionString, year, "municipality_nominated"));

        // Decided again on the latest round, the later decisions meet the rule, not a conflict.
        Assert.Single(decisions, d => d["errors"] is null);
        Assert.All(decisions.Where(d => d["errors"] is not null), d => Assert.Equal("ALREADY_DECIDED", (string?)d["errors"]![0]!["code"]));
        Assert.Equal(1, await CountAsync(server.ConnectionString, year, "jury_decision_recorded"));
    }

    [Fact]
    public async Task Ten_parallel_nominations_without_an_expected_version_all_succeed_and_the_log_holds_no_stack_trace()
    {
        var logged = new System.Collections.Concurrent.ConcurrentQueue<(string Category, string Message, Exception? Exception)>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            builder => builder.Logging.AddProvider(new EveryLine(logged)),
            "--Logging:LogLevel:Default=Information",
            "--Kvk:Secretariat:Tokens:0:Name=Parallel",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        var year = (await Given.AsSecretary(server, Token).AnOpenRound()).Year;
        var codes = new[] { "0114", "0115", "0117", "0120", "0123", "0125", "0126", "0127", "0128", "0136" };

        var payloads = await Task.WhenAll(codes.Select(code => MutateAsync(
            server,
            "nominateMunicipality",
            "NominateMunicipalityInput",
            new { year, municipalityCode = code })));

        Assert.All(payloads, p => Assert.Null(p["errors"]));
        Assert.Equal(codes.Length, await CountAsync(server.ConnectionString, year, "municipality_nominated"));
        Assert.DoesNotContain(logged, line => line.Exception is not null || line.Message.Contains("   at ", StringComparison.Ordinal));
    }

    /// <summary>Every log line of every category, with its exception.</summary>
    private sealed class EveryLine(System.Collections.Concurrent.ConcurrentQueue<(string, string, Exception?)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Line(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Line(string category, System.Collections.Concurrent.ConcurrentQueue<(string, string, Exception?)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, formatter(state, exception), exception));
        }
    }

    private static async Task<JsonNode> MutateAsync(KvkTestServer server, string field, string inputType, object input)
    {
        var response = await server.PostAsync($"mutation($input: {inputType}!) {{ {field}(input: $input) {{ round {{ version }} errors {{ ... on " +
            "Error { code } } } }", new { input }, Token);
        return response["data"]?[field] ?? throw new InvalidOperationException(response.ToJsonString());
    }

    private static async Task<long> CountAsync(string connectionString, int year, string type)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from kvk.mt_events where stream_id = $1 and type = $2", connection)
        {
            Parameters = { new() { Value = $"round-{year}" }, new() { Value = type } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

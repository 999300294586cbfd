using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Npgsql;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>
/// One host with two known secretariat tokens (configured as hashes, as in production), shared by the tests that
/// record rounds. Each test records rounds of its own (<see cref="Given"/> hands out their years), so the classes take
/// it as their class fixture and run in parallel; a class that counts across the database joins
/// <see cref="SecretariatHost"/>, which runs alone.
/// </summary>
public sealed class SecretariatKvk : IAsyncLifetime
{
    public const string AnnaToken = "test-token-anna-7c1e";
    public const string AnnaName = "Anna Andersson";
    public const string BoToken = "test-token-bo-93fa";
    public const string BoName = "Bo Berg";

    private static readonly SharedServer Shared = new(() => KvkTestServer.StartAsync(
        null,
        $"--Kvk:Secretariat:Tokens:0:Name={AnnaName}",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(AnnaToken))}",
        $"--Kvk:Secretariat:Tokens:1:Name={BoName}",
        $"--Kvk:Secretariat:Tokens:1:Sha256={Convert.ToHexString(SecretariatTokens.Hash(BoToken)).ToLowerInvariant()}"));

    public KvkTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Shared.AcquireAsync();

    public Task DisposeAsync() => Shared.ReleaseAsync();

    /// <summary>Rounds of the test's own, recorded by Anna through the mutations.</summary>
    public Given Given => Given.AsSecretary(Server, AnnaToken);

    /// <summary>Sends a mutation as Anna (or with the given token) and returns the payload of its one root field.</summary>
    public async Task<JsonNode> MutateAsync(string field, string inputType, object input, string? token = AnnaToken)
    {
        var response = await Server.PostAsync(
            $"mutation($input: {inputType}!) {{ {field}(input: $input) {{ clientMutationId round {{ year status version }} errors {{ __typename ... on Error " +
                "{ code message } } } }",
            new { input },
            token);
        if (response["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"The mutation failed: {errors.ToJsonString()}");
        }

        return response["data"]![field]!;
    }

    /// <summary>Sends a mutation that must be accepted and returns its payload.</summary>
    public async Task<JsonNode> AcceptedAsync(string field, string inputType, object input, string? token = AnnaToken)
    {
        var payload = await MutateAsync(field, inputType, input, token);
        Assert.True(payload["errors"] is null, $"{field} was refused: {payload["errors"]?.ToJsonString()}");
        return payload;
    }

    /// <summary>The stored events of a round, oldest first: their type, who recorded them and their data.</summary>
    public async Task<IReadOnlyList<(string Type, string? User, JsonNode Data)>> EventsAsync(int year)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select type, user_name, data::text from kvk.mt_events where stream_id = $1 order by version", connection)
        {
            Parameters = { new() { Value = $"round-{year}" } },
        };
        var events = new List<(string, string?, JsonNode)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), JsonNode.Parse(reader.GetString(2))!));
        }

        return events;
    }
}

/// <summary>The classes that count what the whole database holds: run after the parallel ones, one at a time, so no other test's round is counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SecretariatHost : ICollectionFixture<SecretariatKvk>
{
    public const string Name = "secretariat host";
}

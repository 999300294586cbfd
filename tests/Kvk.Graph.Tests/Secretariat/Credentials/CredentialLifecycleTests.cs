using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Secretariat.Credentials;
using Kvk.Graph.Tests.Support;
using Npgsql;
using static Kvk.Graph.Tests.Secretariat.Credentials.IssuedCredentials;

namespace Kvk.Graph.Tests.Secretariat.Credentials;

/// <summary>
/// A credential issued by an operator records under its name, and once revoked or expired is refused at its very next
/// request on every transport, a WebSocket opened before included, with the reason.
/// </summary>
public sealed class CredentialLifecycleTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private const string WhoAmI = "query WhoAmI { viewer { isSecretariat name } }";

    [Fact]
    public async Task Issued_it_records_under_its_name_and_revoked_it_is_refused_on_post_get_and_an_open_websocket()
    {
        var issued = await IssueAsync(kvk.Server, UniqueName("Cecilia Ek"));
        var year = kvk.Given.AFreeYear();
        await kvk.AcceptedAsync("openRound", "OpenRoundInput", new { year }, issued.Token);
        Assert.Equal(issued.Name, Assert.Single(await kvk.EventsAsync(year)).User);
        var history = await kvk.Server.QueryAsync("query($y: Int!) { round(year: $y) { history { actor } } }", new { y = year });
        Assert.Equal(issued.Name, (string?)history["round"]!["history"]![0]!["actor"]);

        using var socket = await GraphQLWebSocket.ConnectAsync(kvk.Server.Client.BaseAddress!);
        await socket.InitAsync(new { Authorization = "Bearer " + issued.Token });
        await socket.SubscribeAsync("before", WhoAmI);
        Assert.True((bool)(await socket.ReceiveOperationAsync("before"))[0]["payload"]!["data"]!["viewer"]!["isSecretariat"]!);

        await ChangeAsync(kvk.Server, issued.Id, async () => Assert.Equal(0, (await RunAsync(kvk.Server, "revoke", "--name", issued.Name)).ExitCode));

        foreach (var transport in new[] { Transports.Post, Transports.Get })
        {
            var (_, response) = await Transports.SendAsync(kvk.Server, transport, WhoAmI, token: issued.Token);
            AssertRefused(response, "REVOKED");
        }

        await socket.SubscribeAsync("after", WhoAmI);
        var refused = Assert.Single(await socket.ReceiveOperationAsync("after"));
        Assert.Equal("error", (string?)refused["type"]);
        AssertRefused(new JsonObject { ["errors"] = refused["payload"]!.DeepClone() }, "REVOKED");

        var mutation = await kvk.Server.PostAsync(
            "mutation($y: Int!) { closeNominations(input: { year: $y }) { errors { __typename } } }", new { y = year }, issued.Token);
        AssertRefused(mutation.AsObject(), "REVOKED");
        Assert.Single(await kvk.EventsAsync(year));

        using var late = await GraphQLWebSocket.ConnectAsync(kvk.Server.Client.BaseAddress!);
        await late.SendAsync($"{{\"type\":\"connection_init\",\"payload\":{{\"Authorization\":\"Bearer {issued.Token}\"}}}}");
        Assert.Equal((4403, "Forbidden: REVOKED"), await late.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_credential_past_its_expiry_is_refused_as_expired()
    {
        var issued = await IssueAsync(kvk.Server, UniqueName("Dag Ek"));
        var (_, before) = await Transports.SendAsync(kvk.Server, Transports.Post, WhoAmI, token: issued.Token);
        Assert.Equal(issued.Name, (string?)before["data"]!["viewer"]!["name"]);

        await ChangeAsync(kvk.Server, issued.Id, () => SqlAsync(
            kvk.Server, $"update {CredentialTables.Credentials} set expires_at = now() - interval '1 minute' where id = $1", issued.Id));

        var (_, after) = await Transports.SendAsync(kvk.Server, Transports.Post, WhoAmI, token: issued.Token);
        AssertRefused(after, "EXPIRED");
    }

    [Theory]
    [InlineData("2001-01-01", "in the past")]
    [InlineData("2999-01-01", "more than two years away")]
    [InlineData("next week", "is not a date")]
    public async Task An_expiry_in_the_past_too_far_ahead_or_not_a_date_is_refused_with_a_clear_message(string expires, string message)
    {
        var name = UniqueName("Erik Ek");
        var (exit, output, error) = await RunAsync(kvk.Server, "issue", "--name", name, "--expires", expires);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.DoesNotContain(name, (await RunAsync(kvk.Server, "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issue_without_an_expiry_is_refused()
    {
        var (exit, _, error) = await RunAsync(kvk.Server, "issue", "--name", UniqueName("Frida Ek"));

        Assert.Equal(2, exit);
        Assert.Contains("--expires", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_holds_the_hash_never_the_token_and_the_list_shows_neither()
    {
        var issued = await IssueAsync(kvk.Server, UniqueName("Greta Ek"));
        await Transports.SendAsync(kvk.Server, Transports.Post, WhoAmI, token: issued.Token);

        await using var connection = new NpgsqlConnection(kvk.Server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select c::text, c.sha256 from {CredentialTables.Credentials} c where id = $1", connection)
        {
            Parameters = { new() { Value = issued.Id } },
        };
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.DoesNotContain(issued.Token, reader.GetString(0), StringComparison.Ordinal);
            Assert.Equal(SecretariatTokens.Hash(issued.Token), reader.GetFieldValue<byte[]>(1));
        }

        var list = (await RunAsync(
            kvk.Server,
            "list",
            $"--Kvk:Secretariat:Tokens:0:Name={SecretariatKvk.AnnaName}",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(SecretariatKvk.AnnaToken))}")).Output;
        var line = Assert.Single(list.Split('\n'), l => l.StartsWith(issued.Name, StringComparison.Ordinal));
        Assert.Contains(issued.Id.ToString(), line, StringComparison.Ordinal);
        Assert.EndsWith("valid", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("\t-\tvalid", line, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Token, list, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(SecretariatTokens.Hash(issued.Token)), list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{SecretariatKvk.AnnaName}\tsecretariat\t(configured)\t-\tnever (configured: no expiry)", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_token_reads_as_the_public_and_its_mutation_is_refused_as_unknown()
    {
        var (_, read) = await Transports.SendAsync(kvk.Server, Transports.Post, WhoAmI, token: "never-issued-" + Guid.NewGuid());
        Assert.False((bool)read["data"]!["viewer"]!["isSecretariat"]!);

        var mutation = await kvk.Server.PostAsync(
            "mutation($y: Int!) { openRound(input: { year: $y }) { errors { __typename } } }", new { y = kvk.Given.AFreeYear() }, "never-issued");
        AssertRefused(mutation.AsObject(), "UNKNOWN");
    }

    [Fact]
    public async Task A_command_in_development_never_makes_a_development_token()
    {
        var path = Path.Combine(Directory.GetCurrentDirectory(), ".kvk", "secretariat-token");
        var before = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : (DateTime?)null;

        var (exit, output, _) = await RunAsync(kvk.Server, "list", "--environment=Development");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("development run", output, StringComparison.Ordinal);
        Assert.Equal(before, File.Exists(path) ? File.GetLastWriteTimeUtc(path) : null);
    }

    private static void AssertRefused(JsonObject response, string reason)
    {
        var error = Assert.Single(response["errors"]!.AsArray())!;
        Assert.Equal("UNAUTHENTICATED", (string?)error["extensions"]!["code"]);
        Assert.Equal(reason, (string?)error["extensions"]!["reason"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Engine.Transport;

/// <summary>
/// A mutation names the data version it committed at, and a read may present it; a value that is not a version is the
/// client's error with a code, on every transport, never a server error.
/// </summary>
public sealed class ReadYourWritesTests
{
    private const string Token = "read-your-writes-token-7d1e";

    [Fact]
    public async Task A_mutation_names_its_committed_version_and_a_read_presenting_it_shows_the_change_while_a_malformed_one_is_refused_with_a_code()
    {
        await using var server = await KvkTestServer.StartAsync(null, "--Kvk:Secretariat:Tokens:0:Name=Ryw",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        var year = Given.On(server).AFreeYear();
        var opening = JsonSerializer.Serialize(new { query = $"mutation {{ openRound(input: {{ year: {year} }}) {{ round {{ version }} }} }}" });
        using var mutation = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = KvkTestServer.Json(opening) };
        mutation.Headers.Authorization = new("Bearer", Token);
        using var answered = await server.Client.SendAsync(mutation);
        var committedAt = Assert.Single(answered.Headers.GetValues("Kvk-Committed-At"));
        Assert.Equal(committedAt, (string?)JsonNode.Parse(await answered.Content.ReadAsStringAsync())!["extensions"]!["kvk"]!["committedAt"]);

        var question = $"{{ round(year: {year}) {{ status }} }}";
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(question)}");
        read.Headers.Add("Kvk-After-Version", committedAt);
        Assert.Contains("NOMINATING", await (await server.Client.SendAsync(read)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var malformed = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(question)}");
        malformed.Headers.Add("Kvk-After-Version", "-1");
        using var refused = await server.Client.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("INVALID_AFTER_VERSION", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]);

        using var socket = await GraphQLWebSocket.ConnectAsync(server.Client.BaseAddress!);
        await socket.InitAsync();
        await socket.SendAsync(JsonSerializer.Serialize(new
        {
            id = "1",
            type = "subscribe",
            payload = new { query = question, extensions = new { kvk = new { afterVersion = "latest" } } },
        }));
        var messages = await socket.ReceiveOperationAsync("1");
        Assert.Equal("INVALID_AFTER_VERSION", (string?)messages[0]["payload"]![0]!["extensions"]!["code"]);

        await socket.SendAsync(JsonSerializer.Serialize(new
        {
            id = "2",
            type = "subscribe",
            payload = new { query = question, extensions = new { kvk = new { afterVersion = committedAt } } },
        }));
        Assert.Contains("NOMINATING", (await socket.ReceiveOperationAsync("2"))[0].ToJsonString(), StringComparison.Ordinal);
    }
}

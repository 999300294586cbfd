using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Transport;

/// <summary>What a token holder is answered may be secret: no shared cache between the secretariat and the host may keep it.</summary>
public sealed class CacheControlTests : IAsyncLifetime
{
    private const string Token = "cache-control-test-token-3e8a";
    private KvkTestServer _kvk = null!;

    public async Task InitializeAsync() => _kvk = await KvkTestServer.StartAsync(
        null,
        "--Kvk:Secretariat:Tokens:0:Name=Sekreterare Sara",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");

    public async Task DisposeAsync() => await _kvk.DisposeAsync();

    [Theory]
    [InlineData(Transports.Post, "{ viewer { isSecretariat } }")]
    [InlineData(Transports.Get, "{ viewer { isSecretariat } }")]
    [InlineData(Transports.Sse, "{ viewer { isSecretariat } }")]
    [InlineData(Transports.Post, "{ notAField }")]
    // A mutation over GET is refused before it runs: the year it would open is never read.
    [InlineData(Transports.Get, "mutation($year: Int!) { openRound(input: { year: $year }) { errors { ... on Error { code } } } }")]
    public async Task Every_response_to_a_token_holder_is_private_and_not_stored(string transport, string query)
    {
        using var request = Transports.Request(transport, query);
        request.Headers.Authorization = new("Bearer", Token);

        using var response = await _kvk.Client.SendAsync(request);

        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_public_response_is_not_marked_private()
    {
        using var response = await _kvk.Client.SendAsync(Transports.Request(Transports.Get, "{ awards(first: 1) { totalCount } }"));

        Assert.False(response.Headers.CacheControl?.Private ?? false);
    }
}

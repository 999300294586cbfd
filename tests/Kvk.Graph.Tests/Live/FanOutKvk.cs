using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// A host of its own (its own database, so that a statement counter sees only what its tests cause) with one secretariat
/// token, for the tests of how a live change goes out to many subscribers.
/// </summary>
public sealed class FanOutKvk : IAsyncLifetime
{
    public const string SecretaryToken = "test-token-fanout-51d2";

    public KvkTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KvkTestServer.StartAsync(
        null,
        "--Kvk:Secretariat:Tokens:0:Name=Sara Sekreterare",
        $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(SecretaryToken))}");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kvk.Graph.Hosting;
using Kvk.Graph.Secretariat.Credentials;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.Logging;
using static Kvk.Graph.Tests.Secretariat.Credentials.IssuedCredentials;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>A Production host that nobody can record on says so at start and in its readiness report, and stays ready.</summary>
public sealed class SecretariatCredentialWarningTests
{
    [Fact]
    public async Task A_production_host_without_any_secretariat_credential_warns_at_start_and_in_its_health_detail_until_one_is_issued()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            builder => builder.Logging.AddProvider(new CapturingLogger(lines, typeof(KvkApp).FullName!)));

        Assert.Contains(lines, l =>
            l.StartsWith("No secretariat credential", StringComparison.Ordinal) && l.Contains("secretariat issue", StringComparison.Ordinal));
        var before = await ReadyAsync(server);
        Assert.Equal("Healthy", (string?)before["status"]);
        Assert.Equal(SecretariatHealthCheck.NoCredential, (string?)before["checks"]!["secretariat"]!["description"]);
        Assert.Equal(0, (int)before["checks"]!["secretariat"]!["data"]!["issuedSecretariatCredentials"]!);

        var press = await IssueAsync(server, UniqueName("Bara Press"), "press");
        var stillNone = await ReadyAsync(server);
        Assert.Equal(SecretariatHealthCheck.NoCredential, (string?)stillNone["checks"]!["secretariat"]!["description"]);

        var secretary = await IssueAsync(server, UniqueName("Sara Sekreterare"));
        // The host hears of the issue at once; the test waits for a change it can name (the same expiry written again).
        await ChangeAsync(server, secretary.Id, () => SqlAsync(
            server, $"update {CredentialTables.Credentials} set expires_at = expires_at where id = $1", secretary.Id));
        var after = await ReadyAsync(server);
        Assert.Equal(1, (int)after["checks"]!["secretariat"]!["data"]!["issuedSecretariatCredentials"]!);
        Assert.NotEqual(SecretariatHealthCheck.NoCredential, (string?)after["checks"]!["secretariat"]!["description"]);
        Assert.NotEqual(press.Id, secretary.Id);
    }

    private static async Task<JsonNode> ReadyAsync(KvkTestServer server)
    {
        using var ready = await server.Client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        return JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
    }
}

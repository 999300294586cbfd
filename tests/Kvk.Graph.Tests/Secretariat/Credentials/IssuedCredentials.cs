using System.Globalization;
using System.Text.RegularExpressions;
using Kvk.Graph.Hosting;
using Kvk.Graph.Secretariat.Credentials;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kvk.Graph.Tests.Secretariat.Credentials;

/// <summary>An issued credential as a test holds it: what the command printed once.</summary>
public sealed record IssuedToken(Guid Id, string Name, string Token);

/// <summary>Runs the operator's <c>secretariat</c> command against a test host's database, as an operator would.</summary>
public static partial class IssuedCredentials
{
    /// <summary>A name no other test issues, so that revoking by name touches this test's credential only.</summary>
    public static string UniqueName(string first) => $"{first} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A month from now, as an operator types it.</summary>
    public static string AMonthAhead() => DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(KvkTestServer server, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SecretariatCommand.RunAsync([.. args, $"--ConnectionStrings:Kvk={server.ConnectionString}"], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<IssuedToken> IssueAsync(KvkTestServer server, string name, string role = "secretariat")
    {
        var (exit, output, error) = await RunAsync(server, "issue", "--name", name, "--expires", AMonthAhead(), "--role", role);
        Assert.True(exit == 0, error);
        var id = Guid.Parse(IdPattern().Match(output).Groups[1].Value);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
        await KnownAsync(server, name, token);
        return new IssuedToken(id, name, token);
    }

    /// <summary>
    /// Waits until the host knows the new token (it hears of it through the database, a moment after the command): until
    /// then the host may still hold what it read before, and the token counts as unknown, the public's.
    /// </summary>
    private static async Task KnownAsync(KvkTestServer server, string name, string token) => Assert.True(
        await Eventually.HoldsAsync(
            async () => (string?)(await server.PostAsync("{ viewer { name } }", token: token))["data"]?["viewer"]?["name"] == name,
            TimeSpan.FromMinutes(1)),
        $"The host did not come to know the credential of {name}.");

    /// <summary>Makes a change to the credential and waits until the host has heard of it (no waiting for time to pass).</summary>
    public static async Task ChangeAsync(KvkTestServer server, Guid id, Func<Task> change)
    {
        var heard = server.Services.GetRequiredService<CredentialCache>().Heard(id);
        await change();
        await heard.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public static async Task SqlAsync(KvkTestServer server, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = id } } };
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"\(id ([0-9a-f-]{36})\)")]
    private static partial Regex IdPattern();
}

using Kvk.Graph.Hosting;
using Kvk.Graph.PublicLog;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Npgsql;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary>
/// <c>mirror</c> copies another Kvk's public record into an empty database: the copy serves the same log and names the
/// same data version; a sealed decision waits until the source reveals it; a log that does not verify copies nothing.
/// The source is a host of the test's own, so that nothing else records into it between a copy and a comparison.
/// </summary>
public sealed class MirrorTests : IAsyncLifetime
{
    private const string Token = "mirror-test-token-5d2a";
    private KvkTestServer _source = null!;
    private string _mirrorDatabase = null!;

    public async Task InitializeAsync()
    {
        _source = await KvkTestServer.StartAsync(
            null,
            "--Kvk:Secretariat:Tokens:0:Name=Anna Andersson",
            $"--Kvk:Secretariat:Tokens:0:Sha256={Convert.ToHexString(SecretariatTokens.Hash(Token))}");
        _mirrorDatabase = await TestPostgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _source.DisposeAsync();

    [Fact]
    public async Task A_mirror_serves_the_same_log_and_data_version_and_reveals_a_sealed_decision_when_the_source_does()
    {
        var round = await Given.AsSecretary(_source, Token).ADecidedRound(Given.Habo, "Habo visar vägen, även i spegeln.");

        var (code, output) = await MirrorAsync(_source.Client.BaseAddress!.ToString());
        Assert.True(code == 0, output);
        Assert.Contains("1 waiting for their announcement", output, StringComparison.Ordinal);
        await using (var mirror = await KvkTestServer.StartAsync(_mirrorDatabase))
        {
            Assert.Equal(await DataVersionAsync(_source), await DataVersionAsync(mirror));
            Assert.Equal(await LogAsync(_source), await LogAsync(mirror));
            Assert.DoesNotContain("Habo visar vägen", await LogAsync(mirror), StringComparison.Ordinal);
        }

        var announced = await _source.PostAsync(
            "mutation($input: AnnounceAwardInput!) { announceAward(input: $input) { errors { __typename } } }",
            new { input = new { year = round.Year } },
            Token);
        Assert.Null(announced["data"]!["announceAward"]!["errors"]);

        (code, output) = await MirrorAsync(_source.Client.BaseAddress!.ToString());
        Assert.True(code == 0, output);
        await using (var mirror = await KvkTestServer.StartAsync(_mirrorDatabase))
        {
            Assert.Equal(await DataVersionAsync(_source), await DataVersionAsync(mirror));
            Assert.Equal(await LogAsync(_source), await LogAsync(mirror));
            var award = await mirror.QueryAsync("query($year: Int!) { award(year: $year) { municipality { code } motivation } }", new { year = round.Year });
            Assert.Equal(Given.Habo, award["award"]!["municipality"]!["code"]!.GetValue<string>());
            Assert.Equal("Habo visar vägen, även i spegeln.", award["award"]!["motivation"]!.GetValue<string>());
            Assert.Equal(await DownloadAsync(_source, "awards"), await DownloadAsync(mirror, "awards"));
        }
    }

    [Fact]
    public async Task A_log_changed_by_one_byte_is_refused_naming_the_entry_and_copies_nothing()
    {
        var lines = (await LogAsync(_source)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var changedAt = Array.FindIndex(
            lines, l => l.Contains("\"type\":\"jury_decision_recorded\"", StringComparison.Ordinal) && l.Contains("\"revealed\"", StringComparison.Ordinal));
        lines[changedAt] = lines[changedAt].Replace("kommun", "kommuN", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"kvk-log-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var (code, output) = await MirrorAsync(file);

            Assert.Equal(1, code);
            Assert.Contains($"entry {changedAt + 1} (jury_decision_recorded)", output, StringComparison.Ordinal);
            // Read from the database: a host started on it would import the seed.
            await using var connection = new NpgsqlConnection(_mirrorDatabase);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("select (select count(*) from kvk.public_log) + (select count(*) from kvk.mt_events)", connection);
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs the command as <c>dotnet run --project src/Graph -- mirror SOURCE</c> does, on the mirror's database.</summary>
    private async Task<(int Code, string Output)> MirrorAsync(string source)
    {
        await using var command = await KvkApp.CreateAsync(
            [$"--ConnectionStrings:Kvk={_mirrorDatabase}", "--environment=Production", "--Logging:LogLevel:Default=Warning"],
            serves: false);
        var output = new StringWriter();
        var code = await MirrorCommand.RunAsync(command.App.Services, source, output, CancellationToken.None);
        return (code, output.ToString());
    }

    private static async Task<string> DataVersionAsync(KvkTestServer server) =>
        (await server.QueryAsync("{ meta { dataVersion } }"))["meta"]!["dataVersion"]!.GetValue<string>();

    private static async Task<string> LogAsync(KvkTestServer server) =>
        await server.Client.GetStringAsync($"{EventsEndpoint.Path}?limit={EventsEndpoint.MaxLimit}");

    private static async Task<byte[]> DownloadAsync(KvkTestServer server, string list) => await server.Client.GetByteArrayAsync($"/download/{list}.csv");
}

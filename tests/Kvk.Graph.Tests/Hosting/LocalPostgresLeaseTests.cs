using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Kvk.Graph.Hosting;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Hosting;

/// <summary>
/// Issue 28: processes of the real program in the folder of a serving host, each using the cluster under the same
/// <c>.kvk/</c> as <c>dotnet run</c> does: a <c>rebuild</c>, a second host that is stopped and one that is killed. The
/// serving host keeps its database and its secretariat token, and the cluster stops with the last process.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LocalPostgresLeaseTests
{
    [Fact]
    public async Task Processes_beside_a_serving_host_leave_it_its_database_and_token_and_the_last_one_out_stops_the_cluster()
    {
        // Made as a clone is, open to the postgres user: the cluster stays in the folder, also as root.
        var folder = Path.Combine(Path.GetTempPath(), $"kvk-lease-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var tokenFile = Path.Combine(folder, ".kvk", "secretariat-token");
        var data = Path.Combine(folder, ".kvk", LocalPostgres.DataFolderName);
        var url = $"http://127.0.0.1:{LocalPostgres.FreePort()}";
        var host = KvkProcess.Start(folder, "--urls", url);
        try
        {
            await host.AnswersAsync(url);
            var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
            Assert.Contains(token, host.Output, StringComparison.Ordinal);
            // The folder's cluster is this test's own: its years are counted by the folder.
            var first = RoundYears.Next(folder);
            Assert.Equal(first, await OpenRoundAsync(url, token, first));

            using (var rebuild = KvkProcess.Start(folder, "rebuild"))
            {
                Assert.True(await rebuild.ExitAsync() == 0, rebuild.Output);
                Assert.DoesNotContain(token, rebuild.Output, StringComparison.Ordinal);
            }

            // An operator's credential command in the same folder: it uses the cluster and leaves it running.
            using (var credentials = KvkProcess.Start(folder, "secretariat", "list"))
            {
                Assert.True(await credentials.ExitAsync() == 0, credentials.Output);
                Assert.DoesNotContain(token, credentials.Output, StringComparison.Ordinal);
            }

            var secondUrl = $"http://127.0.0.1:{LocalPostgres.FreePort()}";
            using (var second = KvkProcess.Start(folder, "--urls", secondUrl))
            {
                await second.AnswersAsync(secondUrl);
                var year = RoundYears.Next(folder);
                Assert.Equal(year, await OpenRoundAsync(secondUrl, token, year));
                Assert.True(await second.StopAsync() == 0, second.Output);
            }

            Assert.Equal(token, (await File.ReadAllTextAsync(tokenFile)).Trim());
            var opened = RoundYears.Next(folder);
            Assert.Equal(opened, await OpenRoundAsync(url, token, opened));
            var round = await PostAsync(url, null, "query($y: Int!) { round(year: $y) { year } }", new { y = opened });
            Assert.Equal(opened, (int?)round["data"]?["round"]?["year"]);

            var crashedUrl = $"http://127.0.0.1:{LocalPostgres.FreePort()}";
            using (var crashed = KvkProcess.Start(folder, "--urls", crashedUrl))
            {
                await crashed.AnswersAsync(crashedUrl);
                await crashed.CrashAsync();
            }

            var postmaster = Postmaster.Of(data);
            Assert.NotNull(postmaster);
            var port = int.Parse(File.ReadLines(Path.Combine(data, "postmaster.pid")).ElementAt(3), CultureInfo.InvariantCulture);
            Assert.True(await host.StopAsync() == 0, host.Output);

            Assert.True(await Postmaster.HasEndedAsync(postmaster.Value), $"PostgreSQL (pid {postmaster}) still runs after the last process ended.");
            Assert.Null(Postmaster.Of(data));
            await Assert.ThrowsAnyAsync<SocketException>(async () =>
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
            });
            Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder, ".kvk", LocalPostgresLease.FolderName), "*.lease"));
        }
        finally
        {
            host.Dispose();
            await StopLeftoverAsync(data);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens a round with the secretariat's token and returns the year of the round the payload names.</summary>
    private static async Task<int> OpenRoundAsync(string url, string token, int year)
    {
        const string OpenRound = "mutation($y: Int!) { openRound(input: { year: $y }) { round { year } errors { __typename } } }";
        var answer = await PostAsync(url, token, OpenRound, new { y = year });
        var round = answer["data"]?["openRound"]?["round"] ?? throw new InvalidOperationException($"Refused: {answer.ToJsonString()}");
        return round["year"]!.GetValue<int>();
    }

    private static async Task<JsonNode> PostAsync(string url, string? token, string query, object variables)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A cluster a failed test left running, stopped as an immediate shutdown would.</summary>
    private static async Task StopLeftoverAsync(string data)
    {
        if (Postmaster.Of(data) is { } postmaster && Postmaster.IsRunning(postmaster))
        {
            using var quit = System.Diagnostics.Process.Start("kill", ["-QUIT", postmaster.ToString(CultureInfo.InvariantCulture)]);
            await quit.WaitForExitAsync();
            await Postmaster.HasEndedAsync(postmaster);
        }
    }
}

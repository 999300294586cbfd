using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kvk.Events.Rounds;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// Two host processes on one database: host A is the test's own (in process), host B a separate
/// <c>dotnet Kvk.Graph.dll</c> process. A change recorded on A reaches a subscriber on B through PostgreSQL.
/// </summary>
public sealed class TwoHostFanOutTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_change_recorded_by_one_host_process_reaches_a_subscriber_of_another()
    {
        await using var hostA = await KvkTestServer.StartAsync();
        var port = FreePort();
        using var hostB = StartHostProcess(hostA.ConnectionString, port);
        try
        {
            var addressB = new Uri($"http://127.0.0.1:{port}");
            await WaitUntilServingAsync(addressB, hostB);
            await using var client = NodeScript.Start("subscribe.mjs", SubscriptionTests.WebSocketUrl(addressB), "subscription { roundChanged(year: 2033) { year status } }", "2");
            Assert.True((bool)(await client.NextJsonAsync(Wait))["ready"]!);

            var recorder = hostA.Services.GetRequiredService<RoundRecorder>();
            await SubscriptionTests.RecordAsync(recorder, new OpenRound(2033));
            await SubscriptionTests.RecordAsync(recorder, new NominateMunicipality(2033, "0180"));

            Assert.Equal("{\"data\":{\"roundChanged\":{\"year\":2033,\"status\":\"NOMINATING\"}}}", (await client.NextJsonAsync(Wait)).ToJsonString());
            Assert.Equal("{\"data\":{\"roundChanged\":{\"year\":2033,\"status\":\"NOMINATING\"}}}", (await client.NextJsonAsync(Wait)).ToJsonString());
            Assert.NotEqual(Environment.ProcessId, hostB.Id);
        }
        finally
        {
            hostB.Kill(entireProcessTree: true);
            await hostB.WaitForExitAsync();
        }
    }

    private static Process StartHostProcess(string connectionString, int port)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Kvk.Graph.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", $"--ConnectionStrings:Kvk={connectionString}", "--Logging:LogLevel:Default=Warning" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(Uri address, Process host)
    {
        using var client = new HttpClient { BaseAddress = address };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Wait)
        {
            Assert.False(host.HasExited, $"Host B exited with {(host.HasExited ? host.ExitCode : 0)}.");
            try
            {
                using var response = await client.PostAsync("/graphql", KvkTestServer.Json("{\"query\":\"{ __typename }\"}"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Host B did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

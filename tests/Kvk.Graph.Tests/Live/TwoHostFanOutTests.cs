using Kvk.Bench;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Live;

/// <summary>
/// Two host processes on one database: host A is the test's own (in process), host B a separate
/// <c>dotnet Kvk.Graph.dll</c> process. A change recorded on A reaches B through PostgreSQL.
/// </summary>
public sealed class TwoHostFanOutTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [NeedsFact(Needs.NodeTooling)]
    public async Task A_change_recorded_by_one_host_process_reaches_a_subscriber_of_another()
    {
        await using var hostA = await KvkTestServer.StartAsync();
        await using var hostB = await HostProcess.StartAsync(hostA.ConnectionString);
        await using var client = NodeScript.Start("subscribe.mjs", SubscriptionTests.WebSocketUrl(new Uri(hostB.Url)),
            "subscription { roundChanged(year: 2033) { year status } }", "2");
        Assert.True((bool)(await client.NextJsonAsync(Wait))["ready"]!);

        var recorder = hostA.Services.GetRequiredService<RoundRecorder>();
        await SubscriptionTests.RecordAsync(recorder, new OpenRound(2033));
        await SubscriptionTests.RecordAsync(recorder, new NominateMunicipality(2033, "0180"));

        Assert.Equal("{\"data\":{\"roundChanged\":{\"year\":2033,\"status\":\"NOMINATING\"}}}", (await client.NextJsonAsync(Wait)).ToJsonString());
        Assert.Equal("{\"data\":{\"roundChanged\":{\"year\":2033,\"status\":\"NOMINATING\"}}}", (await client.NextJsonAsync(Wait)).ToJsonString());
    }

    [Fact]
    public async Task A_change_recorded_by_one_host_process_clears_the_cached_responses_of_another()
    {
        await using var hostA = await KvkTestServer.StartAsync();
        await using var hostB = await HostProcess.StartAsync(hostA.ConnectionString);
        using var clientB = new HttpClient { BaseAddress = new Uri(hostB.Url) };
        const string Query = "{\"query\":\"{ rounds(first: 1) { totalCount } }\"}";
        async Task<string> AskB() => await (await clientB.PostAsync("/graphql", KvkTestServer.Json(Query))).Content.ReadAsStringAsync();
        Assert.Equal(await AskB(), await AskB());

        await hostA.RecordAsync(new OpenRound(2037));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        string answer;
        while ((answer = await AskB()).Contains("\"totalCount\":12", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        Assert.Contains("\"totalCount\":13", answer, StringComparison.Ordinal);
    }
}

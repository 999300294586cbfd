using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Kvk.Graph.Hosting;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Replication;

/// <summary>A host configured with a replica that never answers (nothing listens on its port) serves from its primary.</summary>
public sealed class UnreachableReplicaTests
{
    [Fact]
    public async Task A_host_whose_replica_does_not_answer_reads_the_primary_stays_ready_and_says_so_in_its_report_and_its_metrics()
    {
        var nothingListens = LocalPostgres.FreePort();
        await using var server = await KvkTestServer.StartAsync(
            null, $"--ConnectionStrings:KvkRead=Host=127.0.0.1;Port={nothingListens};Username=kvk;Password=none;Database=kvk");
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        var fromPrimary = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Every host in this process has the meter: only this host's counts.
            if (instrument.Meter.Scope == meters && instrument.Name == "kvk.reads.from_primary")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => Volatile.Write(ref fromPrimary, value));
        listener.Start();

        var answer = await server.QueryAsync("{ awards { totalCount } }");
        Assert.True((int)answer["awards"]!["totalCount"]! > 0, answer.ToJsonString());

        var status = HttpStatusCode.OK;
        JsonNode? report = null;
        Assert.True(
            await Eventually.HoldsAsync(
                async () =>
                {
                    using var response = await server.Client.GetAsync("/health/ready");
                    (status, report) = (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
                    return (string?)report["checks"]!["replica"]!["data"]!["readsFrom"] == "primary";
                },
                TimeSpan.FromSeconds(30)),
            $"The host did not turn its reads to the primary: {report?.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", (string?)report!["status"]);
        Assert.Equal("Degraded", (string?)report["checks"]!["replica"]!["status"]);
        Assert.False((bool)report["checks"]!["replica"]!["data"]!["replicaAnswers"]!);
        Assert.Equal("Healthy", (string?)report["checks"]!["postgresql"]!["status"]);

        listener.RecordObservableInstruments();
        Assert.Equal(1, Volatile.Read(ref fromPrimary));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using GraphQL.Telemetry;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kvk.Graph.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_graphql_execution_is_traced_by_graphql_net_after_the_opentelemetry_conventions()
    {
        var executions = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetryProvider.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = executions.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await KvkTestServer.StartAsync(null, "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317");

        await server.QueryAsync("query TelemetryProbe { awards(first: 1) { totalCount } }");

        Assert.NotNull(server.Services.GetService<TracerProvider>());
        Assert.Contains(
            executions,
            a => (string?)a.GetTagItem("graphql.operation.name") == "TelemetryProbe" && (string?)a.GetTagItem("graphql.operation.type") == "query");
        Assert.DoesNotContain(executions, a => a.GetTagItem("graphql.document") is not null);
    }

    [Fact]
    public async Task Operations_on_every_transport_and_cached_answers_are_recorded_as_metrics()
    {
        var exported = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(GraphQLMetrics.MeterName).AddInMemoryExporter(exported).Build();
        await using var server = await KvkTestServer.StartAsync();

        foreach (var transport in new[] { Transports.Post, Transports.Get, Transports.Sse })
        {
            await Transports.SendAsync(server, transport, "query MetricsProbe { awards(first: 1) { totalCount } }");
        }

        await Transports.SendAsync(server, Transports.Get, "query MetricsProbe { awards(first: 1) { totalCount } }");
        await Transports.SendAsync(server, Transports.Post, "{ nope }");
        meters.ForceFlush();

        var operations = Points(exported, "kvk.graphql.operations");
        Assert.True(operations.TryGetValue("POST/ok", out var postOk) && postOk >= 1, string.Join(", ", operations));
        Assert.True(operations.TryGetValue("SSE/ok", out var sseOk) && sseOk >= 1, string.Join(", ", operations));
        Assert.True(operations.TryGetValue("POST/refused", out var refused) && refused >= 1, string.Join(", ", operations));
        Assert.Contains(exported, m => m.Name == "kvk.graphql.operation.duration" && m.Unit == "s");
        Assert.Contains(exported, m => m.Name == "kvk.graphql.cached_answers");
        Assert.NotNull(server.Services.GetService<MeterProvider>());
    }

    /// <summary>The latest sum of each transport/outcome series of a counter.</summary>
    private static Dictionary<string, long> Points(IEnumerable<Metric> metrics, string name)
    {
        var sums = new Dictionary<string, long>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                sums[$"{tags["graphql.transport"]}/{tags["graphql.outcome"]}"] = point.GetSumLong();
            }
        }

        return sums;
    }
}

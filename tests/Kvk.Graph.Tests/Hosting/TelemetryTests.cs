using System.Collections.Concurrent;
using System.Diagnostics;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kvk.Graph.Tests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_the_host_traces_graphql_execution_and_has_opentelemetry_tracing_and_metrics()
    {
        var executions = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = executions.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await KvkTestServer.StartAsync(null, "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317");

        await server.QueryAsync("query TelemetryProbe { awards(first: 1) { totalCount } }");

        Assert.NotNull(server.Services.GetService<TracerProvider>());
        Assert.NotNull(server.Services.GetService<MeterProvider>());
        Assert.Contains(executions, a => a.OperationName == "graphql.execute" && (string?)a.GetTagItem("graphql.operation.name") == "TelemetryProbe" && (string?)a.GetTagItem("graphql.outcome") == "ok");
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_spans_are_made_but_metrics_are_kept()
    {
        await using var server = await KvkTestServer.StartAsync();

        Assert.Null(server.Services.GetService<TracerProvider>());
        Assert.NotNull(server.Services.GetService<MeterProvider>());
    }
}

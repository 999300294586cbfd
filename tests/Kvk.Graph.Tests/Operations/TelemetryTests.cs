using System.Collections.Concurrent;
using System.Diagnostics;
using Kvk.Graph.Operations;
using Kvk.Graph.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kvk.Graph.Tests.Operations;

public sealed class TelemetryTests
{
    [Fact]
    public async Task The_host_traces_graphql_execution_and_has_opentelemetry_tracing_and_metrics()
    {
        var executions = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = executions.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await KvkTestServer.StartAsync();

        await server.QueryAsync("query TelemetryProbe { awards(first: 1) { totalCount } }");

        Assert.NotNull(server.Services.GetService<TracerProvider>());
        Assert.NotNull(server.Services.GetService<MeterProvider>());
        Assert.Contains(executions, a => a.OperationName == "graphql.execute" && (string?)a.GetTagItem("graphql.operation.name") == "TelemetryProbe" && (string?)a.GetTagItem("graphql.outcome") == "ok");
    }
}

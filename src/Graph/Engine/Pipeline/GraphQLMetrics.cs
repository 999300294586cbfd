using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// The metrics of the GraphQL endpoint (meter <c>Kvk.GraphQL</c>): every operation on every transport, counted and
/// timed by transport and outcome, and the answers the response cache gave without executing anything. The traces
/// are GraphQL.NET's own (<c>UseTelemetry</c>, after the OpenTelemetry GraphQL conventions).
/// </summary>
public static class GraphQLMetrics
{
    public const string MeterName = "Kvk.GraphQL";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Operations = Meter.CreateCounter<long>(
        "kvk.graphql.operations", "{operation}", "GraphQL operations, by transport and outcome (ok, partial, refused).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "kvk.graphql.operation.duration", "s", "How long an operation took from admission to its result, by transport and outcome.");

    private static readonly Counter<long> CachedAnswers = Meter.CreateCounter<long>(
        "kvk.graphql.cached_answers", "{answer}", "Public query answers served from the response cache, without execution.");

    public static void OperationCompleted(string transport, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "graphql.transport", transport }, { "graphql.outcome", outcome } };
        Operations.Add(1, tags);
        Duration.Record(duration.TotalSeconds, tags);
    }

    public static void AnsweredFromCache() => CachedAnswers.Add(1);
}

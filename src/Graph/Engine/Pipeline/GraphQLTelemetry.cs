using System.Diagnostics;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>The traces of GraphQL execution: one activity per operation, with its name and outcome.</summary>
public static class GraphQLTelemetry
{
    public const string SourceName = "Kvk.GraphQL";

    public static readonly ActivitySource Source = new(SourceName);
}

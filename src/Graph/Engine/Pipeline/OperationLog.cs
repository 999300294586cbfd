using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>The pipeline's log lines: one per operation, whatever its transport. Values a client chose pass <see cref="LogValue.Safe"/> first.</summary>
public static partial class OperationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Transport} operation {Operation} {Outcome} in {DurationMs:0.0} ms " +
        "client={Client} trace={TraceId}")]
    public static partial void Completed(ILogger logger, string transport, string operation, string outcome, double durationMs, string client, string traceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A resolver failed (reference {Reference})")]
    public static partial void ResolverFailed(ILogger logger, string reference, Exception exception);
}

namespace Kvk.Graph.Hosting;

/// <summary>The host's log messages, compiled once.</summary>
public static partial class KvkLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Kvk is ready after {Seconds:0.0} s (database: {Database})")]
    public static partial void Ready(ILogger logger, double seconds, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported the award history: {Count} rounds ({Years})")]
    public static partial void Imported(ILogger logger, int count, IReadOnlyList<int> years);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chained {Count} stored events into the public log")]
    public static partial void Chained(ILogger logger, int count);
}

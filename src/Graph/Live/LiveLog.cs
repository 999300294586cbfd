namespace Kvk.Graph.Live;

/// <summary>The change feed's log messages, compiled once.</summary>
public static partial class LiveLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not notify the other hosts of a change to round {Year}")]
    public static partial void NotifyFailed(ILogger logger, int year, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for round changes failed; reconnecting")]
    public static partial void ListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the change to round {Year} to subscribers")]
    public static partial void PublishFailed(ILogger logger, int year, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read database had not replayed the change to round {Year} (WAL {Position}) after {Seconds:0.0} " +
        "s; publishing it anyway, and reads may show the round as it was for a while")]
    public static partial void ReplayWaitExceeded(ILogger logger, int year, string position, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the read database whether it has replayed the change to round {Year}; " +
        "publishing it anyway")]
    public static partial void ReplayUnknown(ILogger logger, int year, Exception exception);
}

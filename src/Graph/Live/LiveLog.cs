namespace Kvk.Graph.Live;

/// <summary>The change feed's log messages, compiled once.</summary>
public static partial class LiveLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for round changes failed; reconnecting")]
    public static partial void ListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the changes to rounds {Years} to subscribers")]
    public static partial void PublishFailed(ILogger logger, string years, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look in the event store for changes this host heard no notice of; cached answers are " +
        "dropped, and it looks again shortly")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up with {Count} round changes this host heard no notice of (rounds {Years})")]
    public static partial void CaughtUp(ILogger logger, int count, string years);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read database had not replayed the change to round {Years} (WAL {Position}) after " +
        "{Seconds:0.0} s; publishing it anyway, and reads may show the round as it was for a while")]
    public static partial void ReplayWaitExceeded(ILogger logger, string years, string position, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pushed the changes to rounds {Years} to {Subscribers} subscribers {Milliseconds:0} ms after " +
        "they were taken up: {ReplayMilliseconds:0} ms waiting for the read database, {ReadMilliseconds:0} ms reading them, {HandOverMilliseconds:0} ms " +
        "handing them over")]
    public static partial void Pushed(
        ILogger logger, string years, int subscribers, double milliseconds, double replayMilliseconds, double readMilliseconds, double handOverMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the read database whether it has replayed the latest changes; publishing them anyway")]
    public static partial void ReplayUnknown(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rehearsed the live path: delivered the award of {Year} " +
        "{Deliveries} times to watchers of its own in {Rounds} rounds, {Seconds:0.0} s; {Compiled} methods compiled, {CompiledInLastRound} in the last round")]
    public static partial void Rehearsed(
        ILogger logger, int year, int deliveries, int rounds, double seconds, long compiled, long compiledInLastRound);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not rehearse the live path; the host serves, and its first delivery is slower")]
    public static partial void RehearsalFailed(ILogger logger, Exception exception);
}

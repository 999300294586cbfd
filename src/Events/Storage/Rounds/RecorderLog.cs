using Microsoft.Extensions.Logging;

namespace Kvk.Storage.Rounds;

/// <summary>The recorder's log messages, compiled once.</summary>
public static partial class RecorderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} on the {Year} round was overtaken by another write (attempt {Attempt}); " +
        "deciding it again on the latest round")]
    public static partial void Overtaken(ILogger logger, string command, int year, int attempt);
}

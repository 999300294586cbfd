using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Tests.Support;

/// <summary>Keeps the formatted log lines of the given categories, as a console would write them.</summary>
public sealed class CapturingLogger(ConcurrentQueue<string> lines, params string[] categories) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => categories.Contains(categoryName)
        ? new Capturing(lines)
        : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}

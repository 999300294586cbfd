using System.Collections.Concurrent;
using Kvk.Graph.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Tests.Operations;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Each_request_is_one_log_line_with_its_graphql_operation_and_outcome()
    {
        var lines = new ConcurrentQueue<string>();
        await using var server = await KvkTestServer.StartAsync(
            null,
            (WebApplicationBuilder builder) => builder.Logging.AddProvider(new CapturingProvider("Kvk.Requests", lines)),
            "--Logging:LogLevel:Kvk.Requests=Information");

        await server.PostAsync("query Winners { awards(first: 1) { totalCount } }");
        await server.PostAsync("query Winners { awards(first: 1) { totalCount } }");
        await server.PostAsync("{ awards(first: 1000) { totalCount } }");

        var logged = lines.ToList();
        Assert.Equal(3, logged.Count);
        Assert.Matches(@"^POST /graphql 200 in [\d.]+ ms operation=Winners outcome=ok trace=\w+$", logged[0]);
        Assert.Contains("outcome=cached", logged[1], StringComparison.Ordinal);
        Assert.Contains("outcome=partial", logged[2], StringComparison.Ordinal);
    }

    private sealed class CapturingProvider(string category, ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == category ? new Capturing(lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

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
}

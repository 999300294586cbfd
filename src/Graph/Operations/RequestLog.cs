using System.Diagnostics;

namespace Kvk.Graph.Operations;

/// <summary>One structured log line per request: method, path, status, duration, GraphQL operation and outcome.</summary>
public static partial class RequestLog
{
    /// <summary>Where the GraphQL endpoint leaves the operation's name and outcome for the log line.</summary>
    public const string OperationItem = "kvk.graphql.operation";
    public const string OutcomeItem = "kvk.graphql.outcome";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kvk.Requests");
        return app.Use(async (context, next) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await next(context);
            }
            finally
            {
                if (log.IsEnabled(LogLevel.Information))
                {
                    Log(log, context, clock.Elapsed.TotalMilliseconds);
                }
            }
        });
    }

    private static void Log(ILogger log, HttpContext context, double durationMs)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var operation = context.Items[OperationItem] as string ?? "";
        var outcome = context.Items[OutcomeItem] as string ?? "";
        Completed(log, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, durationMs, operation, outcome, traceId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {DurationMs:0.0} ms operation={Operation} outcome={Outcome} trace={TraceId}")]
    private static partial void Completed(ILogger logger, string method, string path, int status, double durationMs, string operation, string outcome, string traceId);
}

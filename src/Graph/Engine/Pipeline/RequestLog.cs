using System.Diagnostics;
using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Engine.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// Every HTTP request: one access log line (method, path, status, duration, and for GraphQL the operation and
/// its outcome, "cached" when the response cache answered), and one permit of its client's rate limit unless it
/// carries GraphQL operations, whose transports take the permits operation by operation (<see cref="AdmissionPolicy"/>).
/// </summary>
public static partial class RequestLog
{
    /// <summary>Where the GraphQL transport leaves the operation's name and outcome for the log line.</summary>
    public const string OperationItem = "kvk.graphql.operation";
    public const string OutcomeItem = "kvk.graphql.outcome";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kvk.Requests");
        var profile = app.ApplicationServices.GetService<RequestProfile>();
        return app.Use(async (context, next) =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                await next(context);
            }
            finally
            {
                var started = profile is null ? 0 : RequestProfile.Now();
                Log(log, context, clock.Elapsed.TotalMilliseconds);
                profile?.Add(ProfilePhase.RequestLog, started);
            }
        });
    }

    /// <summary>
    /// Every request's permit, decided here from its endpoint's <see cref="AdmissionPolicy"/> (so that no path can slip
    /// past it): one from the client's bucket of requests, or of static files, unless the endpoint's transport says the
    /// request carries GraphQL operations, whose permits the transport takes one by one.
    /// </summary>
    public static IApplicationBuilder UseRequestAdmission(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var admission = context.RequestServices.GetRequiredService<Admission>();
            var policy = AdmissionPolicy.Of(context);
            if (admission.PolicyOf(policy.Bucket) is { } stated)
            {
                // Said on every answer, after its permits were taken, so that a client can slow down before it is refused.
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers["RateLimit-Policy"] = stated;
                    context.Response.Headers["RateLimit"] = admission.Remaining(Admission.ClientOf(context), policy.Bucket);
                    return Task.CompletedTask;
                });
            }

            var takesPermit = !policy.TransportAdmits(context) && !policy.TakesNoPermit(context);
            if (takesPermit && admission.Admit(Admission.ClientOf(context), policy.Bucket) is { } refused)
            {
                await HttpTransport.WriteRefusalAsync(context, MediaTypes.Json, refused);
                return;
            }

            await next(context);
        });

    private static void Log(ILogger log, HttpContext context, double durationMs)
    {
        if (log.IsEnabled(LogLevel.Information))
        {
            var path = LogValue.Safe(context.Request.Path.Value);
            var operation = LogValue.Safe(context.Items[OperationItem] as string);
            var outcome = context.Items[OutcomeItem] as string ?? "";
            var trace = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            Completed(log, context.Request.Method, path, context.Response.StatusCode, durationMs, operation, outcome, trace);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} in {DurationMs:0.0} ms operation={Operation} " +
        "outcome={Outcome} trace={TraceId}")]
    private static partial void Completed(
        ILogger logger,
        string method,
        string path,
        int status,
        double durationMs,
        string operation,
        string outcome,
        string traceId);
}

using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kvk.Graph.Hosting;

/// <summary>
/// The readiness report as JSON: the overall status, and each check's status, description and data (such as
/// the replica's lag), so that an operator or a load balancer's log sees why a host is not ready.
/// </summary>
public static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}

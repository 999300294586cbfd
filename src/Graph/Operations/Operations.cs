using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Kvk.Graph.Replication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kvk.Graph.Operations;

/// <summary>
/// What an operator needs around the endpoints: health, rate limiting, CORS for public reads,
/// forwarded headers from known proxies, request logs and OpenTelemetry.
/// </summary>
public static class Operations
{

    public static void AddKvkOperations(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<ProjectionLagHealthCheck>("projections", tags: ["ready"])
            .AddCheck<ReplicaLagHealthCheck>("replica", tags: ["ready"]);

        // Any origin may read; no credentials and no Authorization header cross origins, so the
        // secretariat's mutations stay with its own pages.
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "Accept", "GraphQL-Require-Preflight")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still read by the middleware: only the configured proxies count.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in configuration.GetSection("Kvk:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        var limits = RateLimits.From(configuration, environment);
        if (limits.Enabled)
        {
            services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.PerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
                options.OnRejected = (rejected, _) =>
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = "1";
                    rejected.HttpContext.Response.ContentType = "application/json; charset=utf-8";
                    var message = string.Create(CultureInfo.InvariantCulture, $"Too many requests: at most {limits.PerSecond} a second (bursts of {limits.Burst}) per client. Retry after a second.");
                    return new ValueTask(rejected.HttpContext.Response.WriteAsync(
                        System.Text.Json.JsonSerializer.Serialize(new { errors = new[] { new { message, extensions = new { code = "RATE_LIMITED" } } } }),
                        rejected.HttpContext.RequestAborted));
                };
            });
        }

        services.AddSingleton(limits);
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(GraphQLTelemetry.SourceName));

        // Spans are made only where something collects them: sampling every request for no exporter
        // cost about a twentieth of a cache-missing read.
        if (OtlpEndpointConfigured(configuration))
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(GraphQLTelemetry.SourceName))
                .UseOtlpExporter();
        }
    }

    /// <summary>Whether traces and metrics have somewhere to go over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    private static bool OtlpEndpointConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static void UseKvkOperations(this WebApplication app)
    {
        // With no proxy configured the middleware would trust any sender of X-Forwarded-For, so it is left out.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseRequestLog();
        app.UseCors();
        if (app.Services.GetRequiredService<RateLimits>().Enabled)
        {
            app.UseRateLimiter();
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK, [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
            ResponseWriter = HealthReportJson.WriteAsync,
        });
    }

}

/// <summary>The per-client rate limit: on by default in Production, switched by <c>Kvk:RateLimiting:Enabled</c>.</summary>
public sealed record RateLimits(bool Enabled, int PerSecond, int Burst)
{
    public static RateLimits From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Kvk:RateLimiting");
        return new RateLimits(
            section.GetValue<bool?>("Enabled") ?? environment.IsProduction(),
            section.GetValue<int?>("PermitsPerSecond") ?? 50,
            section.GetValue<int?>("Burst") ?? 100);
    }
}

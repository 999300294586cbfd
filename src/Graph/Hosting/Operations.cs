using System.Net;
using GraphQL.Telemetry;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Live.Rehearsal;
using Kvk.Graph.Replication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kvk.Graph.Hosting;

/// <summary>
/// What an operator needs around the endpoints: health, CORS for public reads, forwarded headers from
/// known proxies and OpenTelemetry. (Rate limits and the request log are the engine's: GraphQLEngine.)
/// </summary>
public static class Operations
{
    public static void AddKvkOperations(this IServiceCollection services, IConfiguration configuration)
    {
        // One instance: the host asks it at start too (the warning when nobody can record).
        services.AddSingleton<SecretariatHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<ReplicaLagHealthCheck>("replica", tags: ["ready"])
            .AddCheck<SecretariatHealthCheck>("secretariat", tags: ["ready"])
            .AddCheck<RehearsalHealthCheck>("rehearsal", tags: ["ready"]);

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

        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(GraphQLMetrics.MeterName));

        // Spans are made only where something collects them: sampling every request for no exporter
        // cost about a twentieth of a cache-missing read.
        if (OtlpEndpointConfigured(configuration))
        {
            telemetry
                .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddSource(GraphQLTelemetryProvider.SourceName))
                .UseOtlpExporter();
        }
    }

    /// <summary>Whether traces and metrics have somewhere to go over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    private static bool OtlpEndpointConfigured(IConfiguration configuration) => !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>
    /// The client's address from a configured proxy's X-Forwarded-For: first of all, so that every request's permit (and
    /// its share of the response cache) is counted against the client, not the proxy. A request a configured proxy makes
    /// itself (no X-Forwarded-For: its health check) is marked as such first, so that it takes no client's permit.
    /// </summary>
    public static void UseKvkForwardedHeaders(this WebApplication app)
    {
        // With no proxy configured the middleware would trust any sender of X-Forwarded-For, so it is left out.
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownProxies;
        if (proxies.Count == 0)
        {
            return;
        }

        app.Use((context, next) =>
        {
            if (context.Connection.RemoteIpAddress is { } peer && !context.Request.Headers.ContainsKey("X-Forwarded-For")
                && (proxies.Contains(peer) || (peer.IsIPv4MappedToIPv6 && proxies.Contains(peer.MapToIPv4()))))
            {
                context.Items[AdmissionPolicy.FromProxyItem] = true;
            }

            return next(context);
        });
        app.UseForwardedHeaders();
    }

    public static void UseKvkOperations(this WebApplication app)
    {
        app.UseCors();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithAdmission(AdmissionPolicy.HealthProbe);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status200OK, [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
            ResponseWriter = HealthReportJson.WriteAsync,
        }).WithAdmission(AdmissionPolicy.HealthProbe);
    }

}

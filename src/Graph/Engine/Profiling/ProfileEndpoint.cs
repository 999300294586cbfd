using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Profiling;

/// <summary>
/// <c>GET /_profile</c>, the <see cref="RequestProfile"/>'s totals as JSON, and the middleware that times each whole request:
/// both exist only when the profile is enabled; otherwise the path is not routed and no middleware is added.
/// </summary>
public static class ProfileEndpoint
{
    public const string Path = "/_profile";

    /// <summary>Times every request but the profile's own, from here on (the first of the engine's middleware).</summary>
    public static IApplicationBuilder UseRequestProfile(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetService<RequestProfile>() is not { } profile)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path, StringComparison.Ordinal))
            {
                await next(context);
                return;
            }

            var started = RequestProfile.Now();
            try
            {
                await next(context);
            }
            finally
            {
                profile.Add(ProfilePhase.Request, started);
            }
        });
    }

    public static void MapRequestProfile(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<RequestProfile>() is { } profile)
        {
            endpoints.MapGet(Path, () => Results.Json(new { phases = profile.Snapshot() }));
        }
    }
}

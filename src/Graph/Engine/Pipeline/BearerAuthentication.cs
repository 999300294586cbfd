using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>Turns an <c>Authorization</c> value (<c>Bearer &lt;token&gt;</c>) into the user it stands for; null for none.</summary>
public interface IBearerAuthenticator
{
    ClaimsPrincipal? Authenticate(string authorization);
}

public static class BearerAuthentication
{
    /// <summary>
    /// Makes the request's user the one its <c>Authorization</c> header stands for. No header, or one that stands
    /// for nobody, leaves the request anonymous: reading stays public, and what needs a user refuses it.
    /// </summary>
    public static IApplicationBuilder UseBearerAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } header
                && context.RequestServices.GetService<IBearerAuthenticator>()?.Authenticate(header) is { } user)
            {
                context.User = user;
            }

            await next(context);
        });
}

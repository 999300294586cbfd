using System.Security.Claims;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Secretariat;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;token&gt;</c> and, for a known token, makes the request's user the
/// secretary bound to it. No or an unknown token leaves the request anonymous: reading stays public, and the
/// mutations refuse it with UNAUTHENTICATED.
/// </summary>
public static class SecretariatAuthentication
{
    private const string Scheme = "Bearer";

    public static IApplicationBuilder UseSecretariatTokens(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase)
                && context.RequestServices.GetRequiredService<SecretariatTokens>().Authenticate(header[(Scheme.Length + 1)..].Trim()) is { } name)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Viewer.SecretariatRole)],
                    Scheme));
            }

            await next(context);
        });
}

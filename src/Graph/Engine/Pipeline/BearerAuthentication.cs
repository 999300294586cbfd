using System.Security.Claims;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// Turns an <c>Authorization</c> value (<c>Bearer &lt;token&gt;</c>) into the user it stands for, and says again, for
/// every operation, whether that user's credential still holds: a WebSocket keeps its user for as long as it is open,
/// so a credential revoked or expired meanwhile must be caught where the operation runs, not where the user was made.
/// </summary>
public interface IBearerAuthenticator
{
    /// <summary>The user; null for a value that stands for nobody (reading stays public).</summary>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(string authorization, CancellationToken cancellationToken);

    /// <summary>Why <paramref name="user"/> may no longer ask anything; null while its credential holds (and for the public).</summary>
    ValueTask<CredentialRefusal?> CheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>A credential that was valid once and is not now: every operation it sends is refused, with the reason.</summary>
/// <param name="Reason">EXPIRED, REVOKED or UNKNOWN, as <c>extensions.reason</c>.</param>
public sealed record CredentialRefusal(string Reason, string Message)
{
    public const string Code = "UNAUTHENTICATED";

    public ExecutionError ToError() => new ExecutionError(Message) { Code = Code }.AddExtension("reason", Reason);
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
                && context.RequestServices.GetService<IBearerAuthenticator>() is { } authenticator
                && await authenticator.AuthenticateAsync(header, context.RequestAborted) is { } user)
            {
                context.User = user;
            }

            await next(context);
        });
}

using System.Security.Claims;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Secretariat;

/// <summary>
/// A secretariat token as the engine asks for it (<c>Bearer &lt;token&gt;</c>, from the Authorization header or a
/// WebSocket's <c>connection_init</c>): a known token makes the secretary bound to it the user; anything else is nobody.
/// </summary>
public sealed class SecretariatAuthenticator(SecretariatTokens tokens) : IBearerAuthenticator
{
    private const string Scheme = "Bearer";

    public ClaimsPrincipal? Authenticate(string authorization) =>
        authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase)
            && tokens.Authenticate(authorization[(Scheme.Length + 1)..].Trim()) is { } name
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Viewer.SecretariatRole)], Scheme))
            : null;
}

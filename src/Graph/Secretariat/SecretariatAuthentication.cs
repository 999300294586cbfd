using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Secretariat.Credentials;
using Npgsql;

namespace Kvk.Graph.Secretariat;

/// <summary>
/// A bearer token as the engine asks for it (<c>Bearer &lt;token&gt;</c>, from the Authorization header or a WebSocket's
/// <c>connection_init</c>): a configured token (<see cref="SecretariatTokens"/>, no expiry) or a credential issued in the
/// database (<see cref="CredentialCache"/>) makes its holder the user, in its role; an expired or revoked one makes a
/// user who is refused every operation, with the reason; anything else is the public.
/// </summary>
public sealed class SecretariatAuthenticator(
    SecretariatTokens tokens,
    CredentialCache credentials,
    CredentialStore store,
    TimeProvider clock,
    ILogger<SecretariatAuthenticator> log) : IBearerAuthenticator
{
    private const string Scheme = "Bearer";

    /// <summary>The claim of a token that was presented and is not valid: EXPIRED, REVOKED or UNKNOWN.</summary>
    public const string RefusedClaim = "kvk:credential-refused";

    public const string Expired = "EXPIRED";
    public const string Revoked = "REVOKED";
    public const string Unknown = "UNKNOWN";

    /// <summary>How often this host writes a credential's last use: <c>secretariat list</c> shows it to the minute at best.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, long> _touched = new();

    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(string authorization, CancellationToken cancellationToken)
    {
        if (!authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[(Scheme.Length + 1)..].Trim();
        if (tokens.Authenticate(token) is { } name)
        {
            return User(name, Viewer.SecretariatRole);
        }

        IssuedCredential? issued;
        try
        {
            issued = (await credentials.CurrentAsync(cancellationToken)).ByHash(SecretariatTokens.Hash(token));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The credential cannot be checked: nothing secret is answered to it, and reading stays public.
            CredentialLog.ReadFailed(log, e);
            return null;
        }

        if (issued is null)
        {
            return Refused(Unknown);
        }

        if (Refusal(issued) is { } refusal)
        {
            return Refused(refusal.Reason);
        }

        await TouchAsync(issued.Id, cancellationToken);
        return User(issued.Name, issued.Role, new Claim(Viewer.CredentialClaim, issued.Id.ToString()));
    }

    public async ValueTask<CredentialRefusal?> CheckAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirst(RefusedClaim)?.Value is { } reason)
        {
            // An unknown token is the public's business: it may read what everyone reads (a mutation says why it refuses).
            return reason == Unknown ? null : new CredentialRefusal(reason, Message(reason, null));
        }

        if (!Guid.TryParse(user.FindFirst(Viewer.CredentialClaim)?.Value, out var id))
        {
            return null;
        }

        try
        {
            return (await credentials.CurrentAsync(cancellationToken)).ById(id) is { } issued
                ? Refusal(issued)
                : new CredentialRefusal(Unknown, "The credential is no longer known: ask an operator for a new one.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            CredentialLog.ReadFailed(log, e);
            return new CredentialRefusal("UNAVAILABLE", "The credential cannot be checked now (the database does not answer); try again shortly.");
        }
    }

    private CredentialRefusal? Refusal(IssuedCredential issued) => issued.StatusAt(clock.GetUtcNow()) switch
    {
        CredentialStatus.Expired => new CredentialRefusal(Expired, Message(Expired, issued.ExpiresAt)),
        CredentialStatus.Revoked => new CredentialRefusal(Revoked, Message(Revoked, issued.RevokedAt)),
        _ => null,
    };

    private static string Message(string reason, DateTimeOffset? at)
    {
        var when = at is { } moment ? " at " + moment.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "";
        return reason == Expired
            ? $"The credential expired{when}: ask an operator for a new one (`secretariat issue`)."
            : $"The credential was revoked{when}: ask an operator for a new one (`secretariat issue`).";
    }

    /// <summary>Writes the last use at most once a minute per credential and host, and never fails a request over it.</summary>
    private async Task TouchAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_touched.TryGetValue(id, out var last) && clock.GetElapsedTime(last, now) < TouchInterval)
        {
            return;
        }

        _touched[id] = now;
        try
        {
            await store.TouchAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            CredentialLog.TouchFailed(log, id, e);
        }
    }

    private static ClaimsPrincipal User(string name, string role, params Claim[] more) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), .. more], Scheme));

    /// <summary>Not authenticated (no authentication type), so no role, no name and the client's own rate limit.</summary>
    private static ClaimsPrincipal Refused(string reason) => new(new ClaimsIdentity([new Claim(RefusedClaim, reason)]));
}

namespace Kvk.Graph.Secretariat.Credentials;

/// <summary>Where a credential stands at a moment: only <see cref="Valid"/> may ask anything.</summary>
public enum CredentialStatus
{
    Valid,
    Expired,
    Revoked,
}

/// <summary>
/// A credential issued by an operator (<c>secretariat issue</c>), as stored: its name (the actor of what it records),
/// its role (<c>secretariat</c> or <c>press</c>), the SHA-256 of its token (never the token), and its lifetime.
/// </summary>
public sealed record IssuedCredential(
    Guid Id,
    string Name,
    string Role,
    byte[] Sha256,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt)
{
    /// <summary>A revocation outranks an expiry: a credential revoked before it expired says REVOKED for ever.</summary>
    public CredentialStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? CredentialStatus.Revoked
        : ExpiresAt <= now ? CredentialStatus.Expired
        : CredentialStatus.Valid;
}

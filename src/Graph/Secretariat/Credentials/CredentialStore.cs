using Kvk.Graph.Engine.Schema;
using Npgsql;

namespace Kvk.Graph.Secretariat.Credentials;

/// <summary>What <c>secretariat issue</c> asks for, checked before anything is stored.</summary>
public sealed record CredentialRequest(string Name, string Role, DateTimeOffset ExpiresAt)
{
    /// <summary>The longest lifetime an operator may give a credential: one that should outlive it is issued again.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(2 * 366);

    public const int MaxNameLength = 100;

    public static readonly IReadOnlyList<string> Roles = [Viewer.SecretariatRole, Viewer.PressRole];

    /// <summary>Why the request cannot be issued at <paramref name="now"/>; null when it can.</summary>
    public string? Refusal(DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength ? $"A credential needs a name of 1 to {MaxNameLength} characters."
        : !Roles.Contains(Role) ? $"Unknown role \"{Role}\": use {string.Join(" or ", Roles)}."
        : ExpiresAt <= now ? $"The expiry {ExpiresAt:yyyy-MM-dd HH:mm zzz} is in the past: give a date from today on."
        : ExpiresAt - now > MaxLifetime ? $"The expiry {ExpiresAt:yyyy-MM-dd} is more than two years away: give an earlier date (issue it again then)."
        : null;
}

/// <summary>
/// The issued credentials in <see cref="CredentialTables.Credentials"/>: issue (the token is returned once and only its
/// SHA-256 is stored), revoke, list, and every row for a host's <see cref="CredentialCache"/>.
/// </summary>
public sealed class CredentialStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = "id, name, role, sha256, issued_at, expires_at, revoked_at, last_used_at";

    /// <summary>Issues a credential: the new token, which is nowhere else, and what was stored.</summary>
    public async Task<(string Token, IssuedCredential Credential)> IssueAsync(CredentialRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (request.Refusal(now) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(request));
        }

        var token = SecretariatTokens.Generate();
        var credential = new IssuedCredential(
            Guid.NewGuid(), request.Name.Trim(), request.Role, SecretariatTokens.Hash(token), now, request.ExpiresAt, RevokedAt: null, LastUsedAt: null);
        await using var command = dataSource.CreateCommand(
            $"insert into {CredentialTables.Credentials} (id, name, role, sha256, issued_at, expires_at) values ($1, $2, $3, $4, $5, $6)");
        command.Parameters.AddWithValue(credential.Id);
        command.Parameters.AddWithValue(credential.Name);
        command.Parameters.AddWithValue(credential.Role);
        command.Parameters.AddWithValue(credential.Sha256);
        command.Parameters.AddWithValue(credential.IssuedAt);
        command.Parameters.AddWithValue(credential.ExpiresAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (token, credential);
    }

    /// <summary>
    /// Revokes the credential with this id, or every unrevoked credential of this name (a name may have been issued again
    /// before the old one ran out); the ones revoked now. The trigger tells every host.
    /// </summary>
    public async Task<IReadOnlyList<IssuedCredential>> RevokeAsync(string idOrName, CancellationToken cancellationToken)
    {
        var byId = Guid.TryParse(idOrName, out var id);
        await using var command = dataSource.CreateCommand(
            $"update {CredentialTables.Credentials} set revoked_at = $1 where {(byId ? "id" : "name")} = $2 and revoked_at is null returning {Columns}");
        command.Parameters.AddWithValue(clock.GetUtcNow());
        command.Parameters.Add(byId ? new NpgsqlParameter { Value = id } : new NpgsqlParameter { Value = idOrName.Trim() });
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Every credential ever issued, oldest first (revoked and expired ones stay, so that a refusal can say why).</summary>
    public async Task<IReadOnlyList<IssuedCredential>> AllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from {CredentialTables.Credentials} order by issued_at, name");
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Notes that a credential was used now; kept to a minute's precision by the caller, so that it costs little.</summary>
    public async Task TouchAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"update {CredentialTables.Credentials} set last_used_at = $1 where id = $2");
        command.Parameters.AddWithValue(clock.GetUtcNow());
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<IssuedCredential>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var credentials = new List<IssuedCredential>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            credentials.Add(new IssuedCredential(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return credentials;
    }
}

using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Graph.Secretariat.Credentials;

/// <summary>
/// The table of issued credentials, in the store's schema beside Marten's. A
/// trigger announces every change of a credential that matters to its validity (<c>NOTIFY kvk_credentials, '&lt;id&gt;'</c>),
/// whoever made it (the <c>secretariat</c> command, another host, an operator's SQL), so every host's
/// <see cref="CredentialCache"/> forgets what it knew at once. The last use is left out of the trigger: it changes
/// nothing a host decides on, and would wake every host each time a credential is used.
/// </summary>
public static class CredentialTables
{
    public const string Credentials = KvkStoreOptions.SchemaName + ".credentials";
    public const string Channel = "kvk_credentials";

    public static Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        StoreDdl.ApplyAsync(dataSource, Ddl, cancellationToken);

    // Hosts (and a command) starting together on one database take turns (the lock).
    private const string Ddl = $"""
        select pg_advisory_xact_lock(hashtext('{Credentials}'));
        create schema if not exists {KvkStoreOptions.SchemaName};

        create table if not exists {Credentials} (
            id uuid primary key,
            name text not null,
            role text not null check (role in ('secretariat', 'press')),
            sha256 bytea not null unique check (length(sha256) = 32),
            issued_at timestamptz not null,
            expires_at timestamptz not null,
            revoked_at timestamptz,
            last_used_at timestamptz);

        create or replace function {Credentials}_notify() returns trigger language plpgsql as $$
        begin
            perform pg_notify('{Channel}', coalesce(new.id, old.id)::text);
            return null;
        end $$;

        drop trigger if exists credentials_changed on {Credentials};
        create trigger credentials_changed after insert or delete or update of name, role, sha256, expires_at, revoked_at on {Credentials}
            for each row execute function {Credentials}_notify();
        """;
}

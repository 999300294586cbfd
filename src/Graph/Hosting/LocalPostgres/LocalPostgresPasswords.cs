using System.Security.Cryptography;
using Kvk.Graph.Engine.Files;

namespace Kvk.Graph.Hosting;

/// <summary>
/// The passwords of a local cluster, generated on its first start: the superuser's (only for creating the application's
/// role and database) and the application's. Kept in PostgreSQL's own password file format, so that psql can use the file
/// too (<c>PGPASSFILE=.kvk/pgpass psql -h 127.0.0.1 -p PORT -U kvk kvk</c>), readable by its owner alone (0600).
/// </summary>
internal sealed class LocalPostgresPasswords(string superuser, string application)
{
    public const string FileName = "pgpass";

    public string Superuser { get; } = superuser;

    public string Application { get; } = application;

    /// <summary>The passwords in <paramref name="path"/>, or null when there is no such file.</summary>
    public static LocalPostgresPasswords? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // libpq ignores a password file that others may read; keep it as it was written.
        OwnerOnlyFile.Restrict(path);

        var passwords = File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':'))
            .Where(fields => fields.Length == 5)
            .ToDictionary(fields => fields[3], fields => fields[4], StringComparer.Ordinal);
        return passwords.TryGetValue(PostgresTools.SystemUser, out var superuser) && passwords.TryGetValue(LocalPostgres.ApplicationUser, out var application)
            ? new LocalPostgresPasswords(superuser, application)
            : throw new LocalPostgresUnavailableException($"{path} does not hold the passwords of '{PostgresTools.SystemUser}' and " +
                $"'{LocalPostgres.ApplicationUser}': restore it, or delete it together with the cluster beside it to start anew.");
    }

    /// <summary>Generates new passwords and writes them to <paramref name="path"/>, created with mode 0600.</summary>
    public static LocalPostgresPasswords Create(string path)
    {
        var passwords = new LocalPostgresPasswords(Generate(), Generate());
        using var writer = new StreamWriter(OwnerOnlyFile.Create(path));
        writer.Write($"""
            # The passwords of Kvk's local PostgreSQL cluster, made on its first start (PostgreSQL's password file format).
            127.0.0.1:*:*:{PostgresTools.SystemUser}:{passwords.Superuser}
            127.0.0.1:*:*:{LocalPostgres.ApplicationUser}:{passwords.Application}

            """);
        return passwords;
    }

    private static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Storage.PublicLog;

/// <summary>
/// The public log as this install stores it: one row per chained entry, its canonical text and hash as they were
/// chained, and the event it states (<c>sequence</c>, this install's <c>mt_events.seq_id</c>: the same record on two
/// installs has other sequences, never other positions). Written only by <see cref="PublicLogWriter"/>.
/// </summary>
public static class PublicLogTable
{
    public const string Name = KvkStoreOptions.SchemaName + ".public_log";

    /// <summary>Creates the table if it is not there (a store older than the log gets it, empty, for the catch-up to fill).</summary>
    public static Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        StoreDdl.ApplyAsync(dataSource, Ddl, cancellationToken);

    // Hosts starting together on one database take turns, on the writer's own lock.
    private const string Ddl = $"""
        {PublicLogWriter.Lock};
        create table if not exists {Name} (
            position bigint primary key,
            sequence bigint unique null,
            round int not null,
            canonical text not null,
            hash text not null);
        """;
}

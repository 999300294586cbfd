using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;
using Npgsql;
using NpgsqlTypes;

namespace Kvk.Graph.Live;

/// <summary>
/// Announces a committed round change to every host on the database:
/// <c>NOTIFY kvk_rounds, '&lt;year&gt; &lt;EventKind,...&gt; &lt;version&gt; &lt;WAL position&gt;'</c>. The position, read after the
/// commit, tells a host that reads from a replica what the replica must have replayed before the change is
/// visible there. <see cref="RoundChangeFeed"/> listens on each host.
/// </summary>
public sealed class PostgresRoundNotifier(NpgsqlDataSource dataSource, ILogger<PostgresRoundNotifier> log) : IRoundChangeNotifier
{
    public const string Channel = "kvk_rounds";

    public async Task RoundChangedAsync(int year, long version, IReadOnlyList<string> eventKinds, CancellationToken cancellationToken)
    {
        try
        {
            // The insert position, not the write position: with synchronous_commit off the commit record may be
            // inserted but not yet written, and a replica would reach the write position before the commit.
            await using var command = dataSource.CreateCommand("select pg_notify($1, $2 || ' ' || pg_current_wal_insert_lsn())");
            command.Parameters.AddWithValue(Channel);
            command.Parameters.AddWithValue(RoundChange.Format(year, eventKinds, version));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            LiveLog.NotifyFailed(log, year, e);
        }
    }
}

/// <summary>
/// The payload of a round change notification: the year, the kinds of the events appended, the round's version after
/// them and the primary's WAL position after the commit.
/// </summary>
public sealed record RoundChange(int Year, IReadOnlyList<string> EventKinds, long? Version = null, NpgsqlLogSequenceNumber? Position = null)
{
    public bool Announces => EventKinds.Contains(nameof(AwardAnnounced));

    public static string Format(int year, IReadOnlyList<string> eventKinds, long version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year} {string.Join(',', eventKinds)} {version}");

    public static RoundChange? Parse(string payload)
    {
        var parts = payload.Split(' ', 4);
        return int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var year)
            ? new RoundChange(
                year,
                parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [],
                parts.Length > 2 && long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null,
                parts.Length > 3 && NpgsqlLogSequenceNumber.TryParse(parts[3], out var position) ? position : null)
            : null;
    }
}

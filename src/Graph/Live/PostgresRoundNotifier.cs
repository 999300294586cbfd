using Kvk.Domain.Rounds;
using Kvk.Graph.Hosting;
using Kvk.Storage.Rounds;
using Npgsql;

namespace Kvk.Graph.Live;

/// <summary>
/// Announces a committed round change to every host on the database: <c>NOTIFY kvk_rounds, '&lt;year&gt; &lt;EventKind,...&gt;'</c>.
/// <see cref="RoundChangeFeed"/> listens on each host.
/// </summary>
public sealed class PostgresRoundNotifier(NpgsqlDataSource dataSource, ILogger<PostgresRoundNotifier> log) : IRoundChangeNotifier
{
    public const string Channel = "kvk_rounds";

    public async Task RoundChangedAsync(int year, IReadOnlyList<string> eventKinds, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select pg_notify($1, $2)");
            command.Parameters.AddWithValue(Channel);
            command.Parameters.AddWithValue(RoundChange.Format(year, eventKinds));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            KvkLog.NotifyFailed(log, year, e);
        }
    }
}

/// <summary>The payload of a round change notification: the year and the kinds of the events appended.</summary>
public sealed record RoundChange(int Year, IReadOnlyList<string> EventKinds)
{
    public bool Announces => EventKinds.Contains(nameof(AwardAnnounced));

    public static string Format(int year, IReadOnlyList<string> eventKinds) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year} {string.Join(',', eventKinds)}");

    public static RoundChange? Parse(string payload)
    {
        var parts = payload.Split(' ', 2);
        return int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var year)
            ? new RoundChange(year, parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
            : null;
    }
}

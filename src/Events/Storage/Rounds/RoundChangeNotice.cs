using System.Globalization;
using JasperFx.Events;
using Npgsql;

namespace Kvk.Storage.Rounds;

/// <summary>One round's change in a transaction: its year, the round's version after it, the kinds of the events appended
/// (e.g. <c>AwardAnnounced</c>) and the store's sequence of the last of them.</summary>
public sealed record RoundChangeNotice(int Year, long Version, IReadOnlyList<string> EventKinds, long Sequence)
{
    /// <summary>The channel every host listens on.</summary>
    public const string Channel = "kvk_rounds";

    /// <summary>The payload: <c>&lt;year&gt; &lt;EventKind,...&gt; &lt;version&gt; &lt;sequence&gt;</c>.</summary>
    public string Payload => string.Create(CultureInfo.InvariantCulture, $"{Year} {string.Join(',', EventKinds)} {Version} {Sequence}");

    /// <summary>The main programme's rounds among the streams a session saved (their events numbered by the save).</summary>
    public static IReadOnlyList<RoundChangeNotice> Of(IEnumerable<StreamAction> streams) =>
    [
        .. streams
            .Where(s => s.Events.Count > 0 && YearOf(s.Key) is not null)
            .Select(s => new RoundChangeNotice(
                YearOf(s.Key)!.Value,
                s.Events.Max(e => e.Version),
                [.. s.Events.Select(e => e.Data.GetType().Name)],
                s.Events.Max(e => e.Sequence))),
    ];

    /// <summary>
    /// Sends the notices in <paramref name="transaction"/>: PostgreSQL delivers them when, and only when, it commits, so
    /// no host can miss a change because its recorder died or failed between the commit and a notice of its own.
    /// </summary>
    public static async Task SendAsync(NpgsqlTransaction transaction, IReadOnlyList<RoundChangeNotice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("select pg_notify($1, payload) from unnest($2::text[]) payload", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = notices.Select(n => n.Payload).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The year of a main-programme stream key (<c>round-2023</c>); null for any other stream.</summary>
    public static int? YearOf(string? streamKey) =>
        streamKey is not null
        && streamKey.StartsWith(Prefix, StringComparison.Ordinal)
        && int.TryParse(streamKey.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : null;

    private const string Prefix = "round-";
}

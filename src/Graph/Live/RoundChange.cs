using System.Globalization;
using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Live;

/// <summary>
/// A change to a round as a host learns of it, from a notice (<see cref="RoundChangeNotice"/>, sent in the recording
/// transaction) or from its own catch-up with the store: the year, the kinds of the events appended, the round's
/// version after them and the store's sequence of the last of them.
/// </summary>
public sealed record RoundChange(int Year, IReadOnlyList<string> EventKinds, long? Version = null, long? Sequence = null)
{
    public bool Announces => EventKinds.Contains(nameof(AwardAnnounced));

    /// <summary>A notice's payload as a change; null for one that is not a round change.</summary>
    public static RoundChange? Parse(string payload)
    {
        var parts = payload.Split(' ', 4);
        return int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year)
            ? new RoundChange(
                year,
                parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [],
                parts.Length > 2 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var version) ? version : null,
                parts.Length > 3 && long.TryParse(parts[3], CultureInfo.InvariantCulture, out var sequence) ? sequence : null)
            : null;
    }
}

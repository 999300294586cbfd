using System.Globalization;
using Kvk.Graph.Explorer;

namespace Kvk.Graph.Feeds;

/// <summary>
/// The ids of the feeds and their entries: <c>tag:</c> URIs (RFC 4151) made of what identifies a fact for good, the
/// round's year and the version its event gave the round's stream (a stream is only ever appended to), and the
/// feed's language. Never a moment or a random value, and nothing of the host: the same fact has the same id on every
/// host of one record, and in the feed of the whole record as in a municipality's. (A mirror numbers a round's versions
/// by its public events only, so where the secretariat kept internal notes a mirror's ids differ from the source's.)
/// </summary>
public static class FeedIds
{
    /// <summary>
    /// The tagging entity and the date it was minted on, the same for every feed. The project has no domain of its own:
    /// <c>.invalid</c> (RFC 2606) can be no one else's. Changing it changes every id, so it is never changed.
    /// </summary>
    private const string Authority = "kvk.invalid,2026";

    public static string Record(ExplorerLanguage language) => $"tag:{Authority}:{language.Code}/feed";

    public static string Municipality(ExplorerLanguage language, string code) => $"tag:{Authority}:{language.Code}/municipality/{code}/feed";

    public static string Fact(ExplorerLanguage language, int year, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"tag:{Authority}:{language.Code}/round/{year}/{version}");
}

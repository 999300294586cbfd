namespace Kvk.Domain.Sources;

/// <summary>
/// Where a recorded fact comes from: a document a reader can find and cite. Kept in the event that records the fact,
/// so that history and time travel show the source the fact had when it was recorded.
/// </summary>
/// <param name="Title">The document's title or, where it has none, a description that finds it (e.g. "skl.se, page on the award").</param>
/// <param name="Publisher">Who published it, where known (e.g. "Kvalitetsmässan").</param>
/// <param name="Url">Its absolute http(s) address, where one exists.</param>
/// <param name="PublishedOn">When it was published, as precise as known: "2019", "2019-11" or "2019-11-14".</param>
/// <param name="Supports">What the source supports, in words (see <see cref="SourceSupports"/>).</param>
public sealed record Source(string Title, string? Publisher, string? Url, string? PublishedOn, string Supports);

/// <summary>What a source supports, as written in <see cref="Source.Supports"/>.</summary>
public static class SourceSupports
{
    public const string NomineeList = "the list of nominees";

    public const string Nomination = "the nomination";

    public const string Decision = "the jury's decision and motivation";

    public const string Announcement = "the announcement";

    public const string MotivationCorrection = "the corrected motivation";

    public const string Note = "the note";
}

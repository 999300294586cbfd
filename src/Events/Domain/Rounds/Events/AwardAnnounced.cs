using Kvk.Domain.Sources;

namespace Kvk.Domain.Rounds;

/// <summary>
/// The award was announced publicly. It states what was announced, the recipient and the motivation,
/// so that the public record of an award stands on this event alone. <c>AnnouncedAt</c> is null where
/// the historical sources do not give the day; <c>AnnouncedOn</c> is then the date as precise as the sources give it
/// (e.g. the year "2019"), and absent in events recorded before it was kept. It discloses the round's decision and its
/// revisions in the history.
/// </summary>
/// <param name="Sources">Where the announcement (the decision and its motivation) is published, where given.</param>
public sealed record AwardAnnounced(
    int Year,
    string MunicipalityCode,
    string RecipientName,
    string Motivation,
    DateTimeOffset? AnnouncedAt,
    IReadOnlyList<Source>? Sources = null,
    string? AnnouncedOn = null)
    : IRoundEvent<AwardAnnounced>
{
    public static string StoredName => "award_announced";

    public static RoundEventTelling Telling { get; } = new()
    {
        Told = new(
            Summary: "Announced the award to {recipient}.",
            Swedish: "Priset tillkännagavs: {municipality} vann.",
            English: "The award was announced: {municipality} won.",
            Secretariat: "tillkännagav priset till {municipality}"),
    };

    public Round? Evolve(Round? state) => state is null ? null : state with { Status = RoundStatus.Announced, ScheduledAnnouncement = null };

    public RoundEventFacts Facts() => new()
    {
        MunicipalityCode = MunicipalityCode,
        Motivation = Motivation,
        Values = new Dictionary<string, object> { ["recipient"] = RecipientName },
    };
}

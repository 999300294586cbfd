namespace Kvk.Domain.Rounds;

/// <summary>
/// The stored name of every round event. Stored names are part of the record: a class may be renamed,
/// the name in the table may not. History shows these names as the event's <c>type</c>.
/// </summary>
public static class RoundEventNames
{
    public static readonly IReadOnlyList<(Type Type, string Name)> All =
    [
        (typeof(RoundOpened), "round_opened"),
        (typeof(MunicipalityNominated), "municipality_nominated"),
        (typeof(NominationWithdrawn), "nomination_withdrawn"),
        (typeof(NominationsClosed), "nominations_closed"),
        (typeof(JuryDecisionRecorded), "jury_decision_recorded"),
        (typeof(AwardAnnounced), "award_announced"),
        (typeof(MotivationCorrected), "motivation_corrected"),
        (typeof(AnnouncementScheduled), "announcement_scheduled"),
        (typeof(ScheduledAnnouncementCancelled), "scheduled_announcement_cancelled"),
        (typeof(DecisionRevised), "decision_revised"),
        (typeof(InternalNoteRecorded), "internal_note_recorded"),
        (typeof(NomineeListSourced), "nominee_list_sourced"),
        (typeof(RoundNoteAdded), "round_note_added"),
    ];

    public static string Of(object @event) => All.First(e => e.Type == @event.GetType()).Name;
}

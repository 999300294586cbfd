using Kvk.Domain.Rounds;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>The stored names are part of the record: each is written here once more, so that changing one fails a test.</summary>
public sealed class RoundEventNamesTests
{
    public static TheoryData<object, string> Stored => new()
    {
        { new RoundOpened(2025), "round_opened" },
        { new MunicipalityNominated(2025, "0643"), "municipality_nominated" },
        { new NominationWithdrawn(2025, "0643", "Avböjde."), "nomination_withdrawn" },
        { new NominationsClosed(2025), "nominations_closed" },
        { new JuryDecisionRecorded(2025, "0643", "Habo kommun", "Bra."), "jury_decision_recorded" },
        { new AwardAnnounced(2025, "0643", "Habo kommun", "Bra.", null), "award_announced" },
        { new MotivationCorrected(2025, "Bättre.", "Stavfel."), "motivation_corrected" },
        { new AnnouncementScheduled(2025, DateTimeOffset.UnixEpoch), "announcement_scheduled" },
        { new ScheduledAnnouncementCancelled(2025), "scheduled_announcement_cancelled" },
        { new DecisionRevised(2025, "0643", "Habo kommun", "Bäst.", "Omröstning."), "decision_revised" },
        { new InternalNoteRecorded(2025, null, "Ring."), "internal_note_recorded" },
        { new NomineeListSourced(2025, NomineesKnown.FullList, []), "nominee_list_sourced" },
        { new RoundNoteAdded(2025, "Not.", []), "round_note_added" },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public void Every_round_event_is_stored_under_its_fixed_name(object @event, string name) => Assert.Equal(name, RoundEventCatalogue.Of(@event).StoredName);

    [Fact]
    public void Every_event_type_has_one_name_and_no_two_types_share_one()
    {
        Assert.Equal(Stored.Count, RoundEventCatalogue.All.Count);
        Assert.Equal(RoundEventCatalogue.All.Count, RoundEventCatalogue.All.Select(e => e.StoredName).Distinct().Count());
        Assert.Equal(RoundEventCatalogue.All.Count, RoundEventCatalogue.All.Select(e => e.Type).Distinct().Count());
    }

    [Fact]
    public void What_is_no_round_event_has_no_stored_name() => Assert.Throws<ArgumentException>(() => RoundEventCatalogue.Of("no event"));
}

using JasperFx.Events;
using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using Kvk.Storage.Rounds;

namespace Kvk.Storage.Tests.Rounds;

public sealed class RoundViewProjectionTests
{
    private const string Key = "round-2027";
    private static readonly Source Press = new("Pressmeddelande", "Kvalitetsmässan", "https://kvalitetsmassan.se/", "2027-11", SourceSupports.Decision);
    private static readonly Source Correction = new("Rättelse", null, null, "2027-12", SourceSupports.MotivationCorrection);

    private static RoundEvents Decided(string key = Key) => new RoundEvents(key)
        .Then(new RoundOpened(2027))
        .Then(new MunicipalityNominated(2027, "0643"))
        .Then(new MunicipalityNominated(2027, "1263"))
        .Then(new MunicipalityNominated(2027, "0180"))
        .Then(new NominationWithdrawn(2027, "1263", "Avstod."))
        .Then(new NominationsClosed(2027))
        .Then(new JuryDecisionRecorded(2027, "0643", "Habo kommun", "Bra.", [Press]));

    private static RoundView? Fold(RoundEvents stream, string key = Key) =>
        stream.Events.Aggregate((RoundView?)null, (view, e) => new RoundViewProjection().Evolve(view, key, e));

    [Fact]
    public void An_opened_round_is_named_by_its_stream_and_dated_by_its_first_event()
    {
        var round = Fold(new RoundEvents("bench/round-2027").Then(new RoundOpened(2027)), "bench/round-2027")!;

        Assert.Equal(("bench/round-2027", 2027, "bench", RoundStatus.Nominating, 1L), (round.Id, round.Year, round.Programme, round.Status, round.Version));
        Assert.Equal((RoundEvents.Start.AddDays(1), RoundEvents.Start.AddDays(1)), (round.OpenedAt, round.UpdatedAt));
        Assert.Empty(round.Nominees);
    }

    [Fact]
    public void Events_of_a_round_that_was_never_opened_make_no_document() =>
        Assert.Null(Fold(new RoundEvents(Key).Then(new MunicipalityNominated(2027, "0643")).Then(new NominationsClosed(2027))));

    [Fact]
    public void A_withdrawal_removes_only_its_nominee_and_each_nominee_keeps_when_it_was_nominated()
    {
        var round = Fold(Decided())!;

        Assert.Equal([new NomineeEntry("0643", RoundEvents.Start.AddDays(2)), new NomineeEntry("0180", RoundEvents.Start.AddDays(4))], round.Nominees);
    }

    [Fact]
    public void The_decision_keeps_its_sources_and_a_correction_adds_its_own()
    {
        var decided = Fold(Decided())!;
        Assert.Equal([Press], decided.Decision!.Sources);

        RoundEvents Announced() => Decided().Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Bra.", null, AnnouncedOn: "2027"));
        var corrected = Fold(Announced().Then(new MotivationCorrected(2027, "Bättre.", "Stavfel.", [Correction])))!;
        Assert.Equal("Bättre.", corrected.Decision!.Motivation);
        Assert.Equal([Press, Correction], corrected.Decision.Sources);

        var unsourced = Fold(Announced().Then(new MotivationCorrected(2027, "Bättre.", "Stavfel.")))!;
        Assert.Equal([Press], unsourced.Decision!.Sources);
    }

    [Fact]
    public void A_decision_without_sources_has_none() =>
        Assert.Empty(Fold(new RoundEvents(Key).Then(new RoundOpened(2027)).Then(new JuryDecisionRecorded(2027, "0643", "Habo kommun",
            "Bra.")))!.Decision!.Sources);

    [Fact]
    public void The_announcement_keeps_its_moment_its_date_as_the_sources_give_it_and_when_it_was_recorded()
    {
        var at = new DateTimeOffset(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1));
        var round = Fold(Decided().Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Bra.", at, AnnouncedOn: "2027-11-18")))!;

        Assert.Equal(RoundStatus.Announced, round.Status);
        Assert.Equal(new AnnouncementEntry(at, RoundEvents.Start.AddDays(8)) { AnnouncedOn = "2027-11-18" }, round.Announcement);
    }

    [Fact]
    public void A_revision_changes_winner_recipient_and_motivation_but_keeps_when_and_by_what_the_decision_was_sourced()
    {
        var round = Fold(Decided().Then(new DecisionRevised(2027, "0180", "Stockholms stad", "Bäst.", "Omröstning.")))!;

        Assert.Equal(("0180", "Stockholms stad", "Bäst.", RoundEvents.Start.AddDays(7)), (round.Decision!.MunicipalityCode, round.Decision.RecipientName,
            round.Decision.Motivation, round.Decision.DecidedAt));
        Assert.Equal([Press], round.Decision.Sources);
    }

    [Fact]
    public void A_revision_or_correction_without_a_decision_changes_nothing_but_the_version()
    {
        var opened = new RoundEvents(Key).Then(new RoundOpened(2027));
        var round = Fold(opened.Then(new DecisionRevised(2027, "0180", "Stockholms stad", "Bäst.", "Omröstning.")).Then(new MotivationCorrected(2027,
            "Bättre.", "Stavfel.")))!;

        Assert.Null(round.Decision);
        Assert.Equal((3L, RoundEvents.Start.AddDays(3)), (round.Version, round.UpdatedAt));
    }

    [Fact]
    public void What_the_sources_say_of_the_list_and_the_notes_are_kept_with_their_sources()
    {
        var list = new Source("Nominerade", null, null, "2027", SourceSupports.NomineeList);
        var note = new Source("Tidningen", null, null, "2027-11-23", SourceSupports.Note);
        var round = Fold(Decided()
            .Then(new NomineeListSourced(2027, NomineesKnown.WinnerOnly, [list]))
            .Then(new RoundNoteAdded(2027, "Ett känt fel.", [note]))
            .Then(new RoundNoteAdded(2027, "Ännu ett.", [])))!;

        Assert.Equal(NomineesKnown.WinnerOnly, round.NomineesKnown);
        Assert.Equal([list], round.NomineeSources);
        Assert.Equal(["Ett känt fel.", "Ännu ett."], round.Notes.Select(n => n.Text));
        Assert.Equal([note], round.Notes[0].Sources);
    }

    [Fact]
    public void Every_event_moves_the_version_and_the_time_of_the_last_change_even_one_the_view_does_not_show()
    {
        var round = Fold(Decided().Then(new InternalNoteRecorded(2027, null, "Internt.")))!;

        Assert.Equal((8L, RoundEvents.Start.AddDays(8), RoundEvents.Start.AddDays(1)), (round.Version, round.UpdatedAt, round.OpenedAt));
    }

    [Fact]
    public void Times_are_kept_as_the_store_keeps_them_to_the_microsecond()
    {
        IEvent opened = new Event<RoundOpened>(new RoundOpened(2027)) { Version = 1, Timestamp = RoundEvents.Start.AddTicks(17) };

        Assert.Equal(RoundEvents.Start.AddTicks(10), new RoundViewProjection().Evolve(null, Key, opened)!.OpenedAt);
    }
}

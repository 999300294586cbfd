using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Programmes;
using Kvk.Storage.Rounds;

namespace Kvk.Storage.Tests.Rounds;

/// <summary>Every projection, without a database: given a round's events, the documents it keeps.</summary>
public sealed class ProjectionTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
    private const string Key = "round-2027";

    private static RoundEvents Decided() => new RoundEvents(Key)
        .Then(new RoundOpened(2027))
        .Then(new MunicipalityNominated(2027, "0643"))
        .Then(new MunicipalityNominated(2027, "1263"))
        .Then(new NominationWithdrawn(2027, "1263", "Kommunen avstod."))
        .Then(new NominationsClosed(2027))
        .Then(new JuryDecisionRecorded(2027, "0643", "Habo kommun", "Habo visar vägen."));

    [Fact]
    public void The_round_view_follows_the_lifecycle_with_the_standing_nominees_and_the_decision()
    {
        var round = Fold(new RoundViewProjection(), Decided())!;

        Assert.Equal(AwardProgramme.Main, round.Programme);
        Assert.Equal(RoundStatus.Decided, round.Status);
        Assert.Equal(6, round.Version);
        Assert.Equal(RoundEvents.Start.AddDays(1), round.OpenedAt);
        Assert.Equal(["0643"], round.Nominees.Select(n => n.MunicipalityCode));
        Assert.Equal(new DecisionEntry("0643", "Habo kommun", "Habo visar vägen.", RoundEvents.Start.AddDays(6)), round.Decision);
        Assert.Null(round.Announcement);
    }

    [Fact]
    public void The_award_view_exists_only_from_the_announcement_and_keeps_the_corrected_motivation()
    {
        var decided = Decided();
        Assert.Null(Fold(new AwardViewProjection(Municipalities), decided));

        var announced = decided.Then(new AwardAnnounced(
            2027,
            "0643",
            "Habo kommun",
            "Habo visar vägen.",
            new DateTimeOffset(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1))));
        var award = Fold(
            new AwardViewProjection(Municipalities),
            announced.Then(new MotivationCorrected(2027, "Habo visar vägen framåt.", "Ett ord föll bort.")))!;

        Assert.Equal("Habo", award.MunicipalityName);
        Assert.Equal("06", award.CountyCode);
        Assert.Equal("Jönköpings län", award.CountyName);
        Assert.Equal("Habo visar vägen framåt.", award.Motivation);
        Assert.Equal(new DateTimeOffset(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1)), award.AnnouncedAt);
    }

    [Fact]
    public void A_nomination_view_per_municipality_keeps_its_withdrawal_and_learns_that_it_won_only_at_the_announcement()
    {
        var decided = RoundViews.Fold(Key, Decided().Events, Municipalities);
        var announced = RoundViews.Fold(
            Key,
            Decided().Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Habo visar vägen.", null)).Events,
            Municipalities);

        var withdrawn = Assert.Single(decided.Nominations, n => n.MunicipalityCode == "1263");
        Assert.Equal("Kommunen avstod.", withdrawn.WithdrawalReason);
        Assert.Equal(RoundEvents.Start.AddDays(4), withdrawn.WithdrawnAt);
        Assert.All(decided.Nominations, n => Assert.False(n.IsWinner));
        Assert.True(Assert.Single(announced.Nominations, n => n.MunicipalityCode == "0643").IsWinner);
        Assert.Equal(NominationView.IdFor(AwardProgramme.Main, 2027, "0643"), announced.Nominations.Single(n => n.IsWinner).Id);
    }

    [Fact]
    public void A_nomination_nominated_again_after_its_withdrawal_keeps_the_withdrawal_in_its_history()
    {
        var stream = new RoundEvents(Key)
            .Then(new RoundOpened(2027))
            .Then(new MunicipalityNominated(2027, "1263"))
            .Then(new NominationWithdrawn(2027, "1263", "Kommunen avstod."))
            .Then(new MunicipalityNominated(2027, "1263"));
        var again = RoundViews.Fold(Key, stream.Events, Municipalities);

        var nomination = Assert.Single(again.Nominations, n => n.MunicipalityCode == "1263");
        Assert.Null(nomination.WithdrawnAt);
        Assert.Equal(
            [NominationChangeKind.Nominated, NominationChangeKind.Withdrawn, NominationChangeKind.Nominated],
            nomination.History.Select(h => h.Change));
        Assert.Equal("Kommunen avstod.", nomination.History[1].Reason);
    }

    [Fact]
    public void Every_prefix_of_a_stream_folds_to_what_the_projections_keep_event_by_event()
    {
        var events = Decided().Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Habo visar vägen.", null)).Events;
        for (var length = 0; length <= events.Count; length++)
        {
            var prefix = events.Take(length).ToList();
            var views = RoundViews.Fold(Key, prefix, Municipalities);

            Assert.Equal(Json(prefix.Aggregate((RoundView?)null, (v, e) => new RoundViewProjection().Evolve(v, Key, e))), Json(views.Round));
            Assert.Equal(Json(prefix.Aggregate((AwardView?)null, (v, e) => new AwardViewProjection(Municipalities).Evolve(v, Key, e))), Json(views.Award));
        }
    }

    /// <summary>A document as the store keeps it: its lists compared by content.</summary>
    [Fact]
    public void The_round_view_keeps_the_schedule_until_the_announcement_and_the_revised_decision()
    {
        var gala = new DateTimeOffset(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1));
        var revised = Decided()
            .Then(new AnnouncementScheduled(2027, gala.AddDays(-1)))
            .Then(new AnnouncementScheduled(2027, gala))
            .Then(new DecisionRevised(2027, "0643", "Habo kommun", "Habo visar vägen framåt.", "Juryn skärpte texten."))
            .Then(new InternalNoteRecorded(2027, null, "Galan flyttad en dag."));

        var scheduled = Fold(new RoundViewProjection(), revised)!;
        Assert.Equal(gala, scheduled.ScheduledAnnouncement);
        Assert.Equal("Habo visar vägen framåt.", scheduled.Decision!.Motivation);
        Assert.Equal(RoundStatus.Decided, scheduled.Status);
        Assert.Null(Fold(new AwardViewProjection(Municipalities), revised));
        Assert.Null(Fold(new RoundViewProjection(), revised.Then(new ScheduledAnnouncementCancelled(2027)))!.ScheduledAnnouncement);

        var announced = Fold(new RoundViewProjection(), revised.Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Habo visar vägen framåt.", gala)))!;
        Assert.Null(announced.ScheduledAnnouncement);
        Assert.Equal(gala, announced.Announcement!.AnnouncedAt);
    }

    private static string Json(object? document) => System.Text.Json.JsonSerializer.Serialize(document);

    private static T? Fold<T>(Marten.Events.Aggregation.SingleStreamProjection<T, string> projection, RoundEvents stream)
        where T : class => stream.Events.Aggregate((T?)null, (view, e) => projection.Evolve(view, Key, e));
}

using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Domain.Sources;
using Kvk.Storage.Nominations;

namespace Kvk.Storage.Tests.Nominations;

public sealed class NominationViewProjectionTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
    private static readonly Source First = new("Nominerade", null, null, "2027", SourceSupports.Nomination);
    private static readonly Source Again = new("Nominerade igen", null, null, "2027-06", SourceSupports.Nomination);

    private static NominationView? Fold(RoundEvents stream) => stream.Events.Aggregate((NominationView?)null, (view, e) =>
        new NominationViewProjection(Municipalities).Evolve(view, NominationViewProjection.IdOf(e) ?? "none", e));

    [Fact]
    public void A_nomination_states_its_municipality_county_programme_sources_and_history()
    {
        var nomination = Fold(new RoundEvents("bench/round-2027").Then(new MunicipalityNominated(2027, "0643", [First])))!;

        Assert.Equal(("bench/2027:0643", 2027, "bench"), (nomination.Id, nomination.Year, nomination.Programme));
        Assert.Equal(("0643", "Habo", "06", RoundEvents.Start.AddDays(1)), (nomination.MunicipalityCode, nomination.MunicipalityName,
            nomination.CountyCode, nomination.NominatedAt));
        Assert.Equal([First], nomination.Sources);
        Assert.Equal([new NominationChange(NominationChangeKind.Nominated, RoundEvents.Start.AddDays(1), null)], nomination.History);
        Assert.Equal((null, null, false), (nomination.WithdrawnAt, nomination.WithdrawalReason, nomination.IsWinner));
    }

    [Fact]
    public void A_nomination_again_after_its_withdrawal_stands_again_with_the_new_sources()
    {
        var stream = new RoundEvents("round-2027")
            .Then(new MunicipalityNominated(2027, "0643", [First]))
            .Then(new NominationWithdrawn(2027, "0643", "Avstod."));
        var withdrawn = Fold(stream)!;
        Assert.Equal(((DateTimeOffset?)RoundEvents.Start.AddDays(2), "Avstod."), (withdrawn.WithdrawnAt, withdrawn.WithdrawalReason));

        var again = Fold(stream.Then(new MunicipalityNominated(2027, "0643", [Again])))!;
        Assert.Equal((RoundEvents.Start.AddDays(3), null, null), (again.NominatedAt, again.WithdrawnAt, again.WithdrawalReason));
        Assert.Equal([Again], again.Sources);
        Assert.Equal(
            [
                new NominationChange(NominationChangeKind.Nominated, RoundEvents.Start.AddDays(1), null),
                new NominationChange(NominationChangeKind.Withdrawn, RoundEvents.Start.AddDays(2), "Avstod."),
                new NominationChange(NominationChangeKind.Nominated, RoundEvents.Start.AddDays(3), null),
            ],
            again.History);
        Assert.Empty(Fold(stream.Then(new MunicipalityNominated(2027, "0643")))!.Sources);
    }

    [Fact]
    public void A_nomination_without_sources_has_none() =>
        Assert.Empty(Fold(new RoundEvents("round-2027").Then(new MunicipalityNominated(2027, "0643")))!.Sources);

    [Fact]
    public void Withdrawals_and_awards_of_no_nomination_and_nominations_of_unknown_municipalities_make_no_document()
    {
        Assert.Null(Fold(new RoundEvents("round-2027").Then(new NominationWithdrawn(2027, "0643", "Avstod."))));
        Assert.Null(Fold(new RoundEvents("round-2027").Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Bra.", null))));
        Assert.Null(Fold(new RoundEvents("round-2027").Then(new MunicipalityNominated(2027, "9999"))));
    }

    [Fact]
    public void The_winner_learns_it_at_the_announcement() =>
        Assert.True(Fold(new RoundEvents("round-2027").Then(new MunicipalityNominated(2027, "0643")).Then(new AwardAnnounced(2027, "0643", "Habo kommun",
            "Bra.", null)))!.IsWinner);

    [Fact]
    public void Nomination_withdrawal_and_award_name_the_nomination_they_concern_and_other_events_none()
    {
        var stream = new RoundEvents("bench/round-2027")
            .Then(new MunicipalityNominated(2027, "0643"))
            .Then(new NominationWithdrawn(2027, "1263", "Avstod."))
            .Then(new AwardAnnounced(2027, "0180", "Stockholms stad", "Bra.", null))
            .Then(new RoundOpened(2027));

        Assert.Equal(["bench/2027:0643", "bench/2027:1263", "bench/2027:0180", null], stream.Events.Select(NominationViewProjection.IdOf));
        Assert.Equal("2027:0643", NominationView.IdFor(Kvk.Storage.Programmes.AwardProgramme.Main, 2027, "0643"));
    }
}

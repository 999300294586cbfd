using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;
using Kvk.Domain.Sources;
using Kvk.Storage.Awards;

namespace Kvk.Storage.Tests.Awards;

public sealed class AwardViewProjectionTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
    private static readonly Source Press = new("Pressmeddelande", "Kvalitetsmässan", "https://kvalitetsmassan.se/", "2027-11", SourceSupports.Announcement);
    private static readonly Source Correction = new("Rättelse", null, null, "2027-12", SourceSupports.MotivationCorrection);
    private static readonly DateTimeOffset Gala = new(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1));

    private static AwardView? Fold(RoundEvents stream, string key) =>
        stream.Events.Aggregate((AwardView?)null, (view, e) => new AwardViewProjection(Municipalities).Evolve(view, key, e));

    private static RoundEvents Announced(string key, string code = "0643") => new RoundEvents(key)
        .Then(new RoundOpened(2027))
        .Then(new AwardAnnounced(2027, code, "Habo kommunkoncern", "Bra.", Gala, [Press], "2027-11-18"));

    [Fact]
    public void An_announced_award_states_what_was_announced_where_and_its_sources()
    {
        var award = Fold(Announced("bench/round-2027"), "bench/round-2027")!;

        Assert.Equal(("bench/round-2027", 2027, "bench"), (award.Id, award.Year, award.Programme));
        Assert.Equal(("Habo kommunkoncern", "Bra.", "0643", "Habo", "06", "Jönköpings län"), (award.RecipientName, award.Motivation,
            award.MunicipalityCode, award.MunicipalityName, award.CountyCode, award.CountyName));
        Assert.Equal(((DateTimeOffset?)Gala, "2027-11-18", RoundEvents.Start.AddDays(2)), (award.AnnouncedAt, award.AnnouncedOn, award.RecordedAt));
        Assert.Equal([Press], award.Sources);
    }

    [Fact]
    public void An_award_without_sources_has_none() =>
        Assert.Empty(Fold(new RoundEvents("round-2027").Then(new AwardAnnounced(2027, "0643", "Habo kommun", "Bra.", null)), "round-2027")!.Sources);

    [Fact]
    public void An_award_of_an_unknown_municipality_makes_no_document() => Assert.Null(Fold(Announced("round-2027", "9999"), "round-2027"));

    [Fact]
    public void A_correction_changes_the_motivation_and_adds_its_sources_once_the_award_exists()
    {
        Assert.Null(Fold(new RoundEvents("round-2027").Then(new MotivationCorrected(2027, "Bättre.", "Stavfel.", [Correction])), "round-2027"));

        var corrected = Fold(Announced("round-2027").Then(new MotivationCorrected(2027, "Bättre.", "Stavfel.", [Correction])), "round-2027")!;
        Assert.Equal("Bättre.", corrected.Motivation);
        Assert.Equal([Press, Correction], corrected.Sources);
        Assert.Equal([Press], Fold(Announced("round-2027").Then(new MotivationCorrected(2027, "Bättre.", "Stavfel.")), "round-2027")!.Sources);
    }
}

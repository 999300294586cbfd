using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Rounds;

public sealed class AwardYearTests
{
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    [Theory]
    [InlineData(2003, true)]
    [InlineData(2025, true)]
    [InlineData(2199, true)]
    [InlineData(2001, false)]
    [InlineData(2002, false)]
    [InlineData(2024, false)]
    [InlineData(2200, false)]
    [InlineData(2201, false)]
    public void Award_years_are_the_odd_years_from_2003_to_2199(int year, bool plausible)
    {
        Assert.Equal(plausible, AwardYear.IsPlausible(year));
        Assert.Equal(plausible, RoundRules.Decide(null, new OpenRound(year), Municipalities).IsAccepted);
    }

    [Fact]
    public void A_round_stream_is_named_by_its_year() => Assert.Equal("round-2025", AwardYear.StreamKey(2025));
}

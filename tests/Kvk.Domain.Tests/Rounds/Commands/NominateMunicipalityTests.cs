using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;
using static Kvk.Domain.Tests.Rounds.Commands.Rounds2025;

namespace Kvk.Domain.Tests.Rounds.Commands;

public sealed class NominateMunicipalityTests
{
    [Fact]
    public void A_nomination_records_its_source_trimmed_as_the_nominations()
    {
        var nominated = Accepted<MunicipalityNominated>(Decide(Open, new NominateMunicipality(2025, Habo, ValidSource)));

        Assert.Equal((2025, Habo), (nominated.Year, nominated.MunicipalityCode));
        Assert.Equal(Recorded(SourceSupports.Nomination), nominated.Sources);
    }

    [Fact]
    public void A_code_given_with_spaces_nominates_the_municipality_under_its_code() =>
        Assert.Equal(Habo, Accepted<MunicipalityNominated>(Decide(Open, new NominateMunicipality(2025, $" {Habo} "))).MunicipalityCode);

    [Fact]
    public void An_invalid_source_is_refused_before_the_round_is_looked_up()
    {
        Refused(Decide(Open, new NominateMunicipality(2025, Habo, InvalidSource)), RefusalCode.InvalidInput);
        Refused(Decide(null, new NominateMunicipality(2025, Habo, InvalidSource)), RefusalCode.InvalidInput);
    }

    [Fact]
    public void A_nomination_without_a_source_records_none() =>
        Assert.Null(Accepted<MunicipalityNominated>(Decide(Open, new NominateMunicipality(2025, Habo))).Sources);
}

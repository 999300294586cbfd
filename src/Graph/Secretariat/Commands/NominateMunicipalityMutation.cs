using Kvk.Domain.Rounds;
using Kvk.Graph.Sources;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class NominateMunicipalityMutation() : SecretariatMutation<NominateMunicipalityMutation.Input, NominateMunicipality>(
    "nominateMunicipality", "Nominates a municipality in an open round.", "Nominates a municipality in a round that is open for nominations.")
{
    public sealed record Input : SecretariatInput
    {
        public required string MunicipalityCode { get; init; }

        public SourceInput? Source { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input)
    {
        input.Field(x => x.MunicipalityCode).Description("The 4-digit code of the nominated municipality (kommunkod), e.g. \"0643\" for Habo.");
        input.Field(x => x.Source, type: typeof(SourceInputType)).Description("Where the nomination is published, e.g. the organiser's page of the nominee " +
            "list; served as the nomination's `sources`.");
    }

    protected override NominateMunicipality Command(Input input) => new(input.Year, input.MunicipalityCode.Trim(), SourceInput.ToSource(input.Source));
}

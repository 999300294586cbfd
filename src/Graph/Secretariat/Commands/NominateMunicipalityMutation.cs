using Kvk.Domain.Rounds;

namespace Kvk.Graph.Secretariat.Commands;

public sealed class NominateMunicipalityMutation() : SecretariatMutation<NominateMunicipalityMutation.Input, NominateMunicipality>(
    "nominateMunicipality", "Nominates a municipality in an open round.", "Nominates a municipality in a round that is open for nominations.")
{
    public sealed record Input : SecretariatInput
    {
        public required string MunicipalityCode { get; init; }
    }

    protected override void Fields(SecretariatInputType<Input> input) =>
        input.Field(x => x.MunicipalityCode).Description("The 4-digit code of the nominated municipality (kommunkod), e.g. \"0643\" for Habo.");

    protected override NominateMunicipality Command(Input input) => new(input.Year, input.MunicipalityCode.Trim());
}

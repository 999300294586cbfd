using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Nominations;

namespace Kvk.Graph.Municipalities;

public sealed class MunicipalityType : ObjectGraphType<Municipality>
{
    public MunicipalityType()
    {
        Name = MunicipalityList.Entity.Name;
        Description = MunicipalityList.Entity.Description;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the municipality.").Resolve(c => GlobalId.Encode(Name, c.Source.Code));
        MunicipalityList.Entity.AddValueFieldsTo(this);
        Field<PopulationType>("population").Description("The population on 2018-12-31, SCB's latest per-municipality figure available here: always " +
            "read it with its date.")
            .Resolve(c => c.Source.Population);
        Field<NonNullGraphType<StringGraphType>>("koladaUrl").Description("The municipality in Kolada, the municipal key-figure database (its id is " +
            "the same 4-digit code).")
            .Resolve(c => KoladaUrl(c.Source.Code));
        Field<NonNullGraphType<CountyType>>("county").Description("The county (län) the municipality belongs to.").Resolve(c => c.Source.County);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AwardType>>>>("awards")
            .Description("The awards the municipality has received, oldest first.")
            .Resolve(c => c.Load(AwardLoaders.ByMunicipality, c.Source.Code).Then(a => a.OrderBy(x => x.Year)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NominationType>>>>("nominations")
            .Description("The rounds the municipality was nominated in, oldest first, including withdrawn nominations.")
            .Resolve(c => c.Load(NominationLoaders.ByMunicipality, c.Source.Code).Then(n => n.OrderBy(x => x.Year)));
    }

    public static string KoladaUrl(string code) => $"https://api.kolada.se/v2/municipality/{code}";
}

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
        Field<NonNullGraphType<CountyType>>("county").Description("The county (län) the municipality belongs to.").Resolve(c => c.Source.County);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AwardType>>>>("awards")
            .Description("The awards the municipality has received, oldest first.")
            .Resolve(c => c.Load(AwardLoaders.ByMunicipality, c.Source.Code).Then(a => a.OrderBy(x => x.Year)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NominationType>>>>("nominations")
            .Description("The rounds the municipality was nominated in, oldest first, including withdrawn nominations.")
            .Resolve(c => c.Load(NominationLoaders.ByMunicipality, c.Source.Code).Then(n => n.OrderBy(x => x.Year)));
    }
}

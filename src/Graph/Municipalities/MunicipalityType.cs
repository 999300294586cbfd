using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Nominations;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Storage.Municipalities;

namespace Kvk.Graph.Municipalities;

public sealed class MunicipalityType : ObjectGraphType<Municipality>
{
    public MunicipalityType()
    {
        Name = "Municipality";
        Description = "A Swedish municipality (kommun), one of 290.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the municipality.").Resolve(c => GlobalId.Encode(Name, c.Source.Code));
        Field(x => x.Code).Description("The official 4-digit municipality code (kommunkod), as text: \"0180\" is Stockholm.");
        Field(x => x.Name).Description("The short name of the municipality, e.g. \"Stockholm\".");
        Field(x => x.OfficialName).Description("The official name of the municipality, e.g. \"Stockholms kommun\".");
        Field<NonNullGraphType<CountyType>>("county").Description("The county (län) the municipality belongs to.").Resolve(c => c.Source.County);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AwardType>>>>("awards")
            .Description("The awards the municipality has received, oldest first.")
            .Resolve(c => c.Loaders().AwardsByMunicipality.Load(c.Source.Code).Then(a => a.OrderBy(x => x.Year)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NominationType>>>>("nominations")
            .Description("The rounds the municipality was nominated in, oldest first, including withdrawn nominations.")
            .Resolve(c => c.Loaders().NominationsByMunicipality.Load(c.Source.Code).Then(n => n.OrderBy(x => x.Year)));
    }
}

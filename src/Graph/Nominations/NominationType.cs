using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Storage.Nominations;

namespace Kvk.Graph.Nominations;

public sealed class NominationType : ObjectGraphType<NominationView>
{
    public NominationType(MunicipalityDirectory municipalities)
    {
        Name = NominationList.Entity.Name;
        Description = NominationList.Entity.Description;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the nomination.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        NominationList.Entity.AddValueFieldsTo(this);
        Field<NonNullGraphType<MunicipalityType>>("municipality").Description("The nominated municipality.")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field<NonNullGraphType<RoundType>>("round").Description("The round of the nomination.")
            .Resolve(c => c.Load(RoundLoaders.ByYear, c.Source.Year));
    }
}

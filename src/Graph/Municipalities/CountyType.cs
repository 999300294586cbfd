using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Municipalities;

public sealed class CountyType : ObjectGraphType<County>
{
    public CountyType(MunicipalityDirectory directory)
    {
        Name = MunicipalityList.County.Name;
        Description = MunicipalityList.County.Description;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the county.").Resolve(c => GlobalId.Encode(Name, c.Source.Code));
        MunicipalityList.County.AddValueFieldsTo(this);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MunicipalityType>>>>("municipalities")
            .Description("The municipalities (kommuner) of the county, by code.")
            .Resolve(c => directory.InCounty(c.Source.Code));
    }
}

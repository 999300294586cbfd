using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Schema;
using Kvk.Storage.Municipalities;

namespace Kvk.Graph.Municipalities;

public sealed class CountyType : ObjectGraphType<County>
{
    public CountyType(MunicipalityDirectory directory)
    {
        Name = "County";
        Description = "A Swedish county (län), one of 21.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the county.").Resolve(c => GlobalId.Encode(Name, c.Source.Code));
        Field(x => x.Code).Description("The official 2-digit county code (länskod), as text: \"01\" is Stockholms län.");
        Field(x => x.Name).Description("The full name of the county, e.g. \"Skåne län\".");
        Field(x => x.ShortName).Description("The short name of the county, e.g. \"Skåne\".");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MunicipalityType>>>>("municipalities")
            .Description("The municipalities (kommuner) of the county, by code.")
            .Resolve(c => directory.InCounty(c.Source.Code));
    }
}

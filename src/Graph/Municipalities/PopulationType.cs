using GraphQL.Types;
using Kvk.Domain.Municipalities;

namespace Kvk.Graph.Municipalities;

public sealed class PopulationType : ObjectGraphType<Population>
{
    public PopulationType()
    {
        Name = MunicipalityList.Population.Name;
        Description = MunicipalityList.Population.Description;
        MunicipalityList.Population.AddValueFieldsTo(this);
    }
}

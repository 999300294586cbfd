using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Storage.Municipalities;

namespace Kvk.Graph.Municipalities;

public sealed class MunicipalitiesConnectionType() : ConnectionGraphType<MunicipalityType, MunicipalitiesEdgeType, Municipality>("Municipalities", "municipalities (kommuner)");

public sealed class MunicipalitiesEdgeType() : EdgeGraphType<MunicipalityType, Municipality>("Municipalities");

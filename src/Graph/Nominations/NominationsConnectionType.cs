using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Storage.Nominations;

namespace Kvk.Graph.Nominations;

public sealed class NominationsConnectionType() : ConnectionGraphType<NominationType, NominationsEdgeType, NominationView>("Nominations", "nominations");

public sealed class NominationsEdgeType() : EdgeGraphType<NominationType, NominationView>("Nominations");

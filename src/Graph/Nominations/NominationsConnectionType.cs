using Kvk.Events.Nominations;
using Kvk.Graph.Schema.Paging;

namespace Kvk.Graph.Nominations;

public sealed class NominationsConnectionType() : ConnectionGraphType<NominationType, NominationsEdgeType, NominationView>("Nominations", "nominations");

public sealed class NominationsEdgeType() : EdgeGraphType<NominationType, NominationView>("Nominations");

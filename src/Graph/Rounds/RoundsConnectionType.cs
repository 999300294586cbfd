using Kvk.Events.Rounds;
using Kvk.Graph.Schema.Paging;

namespace Kvk.Graph.Rounds;

public sealed class RoundsConnectionType() : ConnectionGraphType<RoundType, RoundsEdgeType, RoundView>("Rounds", "award rounds");

public sealed class RoundsEdgeType() : EdgeGraphType<RoundType, RoundView>("Rounds");

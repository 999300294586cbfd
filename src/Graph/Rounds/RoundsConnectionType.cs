using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

public sealed class RoundsConnectionType() : ConnectionGraphType<RoundType, RoundsEdgeType, RoundView>("Rounds", "award rounds");

public sealed class RoundsEdgeType() : EdgeGraphType<RoundType, RoundView>("Rounds");

using Kvk.Graph.Engine.Lists.Paging;
using Kvk.Storage.Awards;

namespace Kvk.Graph.Awards;

public sealed class AwardsConnectionType() : ConnectionGraphType<AwardType, AwardsEdgeType, AwardView>("Awards", "awards");

public sealed class AwardsEdgeType() : EdgeGraphType<AwardType, AwardView>("Awards");

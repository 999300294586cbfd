using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Nominations;

namespace Kvk.Graph.Rounds;

public sealed class RoundFilterInputType() : FilterInputType(
    "RoundFilterInput",
    "Conditions on a round.",
    typeof(RoundFilterInputType),
    new FilterField("year", "The award year.", typeof(IntOperationFilterInputType)),
    new FilterField("status", "Where the round stands in its lifecycle.", typeof(RoundStatusOperationFilterInputType)),
    new FilterField("openedAt", "When the round was opened in Kvk.", typeof(DateTimeOperationFilterInputType)),
    new FilterField("nominees", "Conditions on the standing nominees (withdrawn nominations excluded).", typeof(NominationListFilterInputType)));

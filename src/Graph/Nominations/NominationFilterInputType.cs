using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Municipalities;

namespace Kvk.Graph.Nominations;

public sealed class NominationFilterInputType() : FilterInputType(
    "NominationFilterInput",
    "Conditions on a nomination.",
    typeof(NominationFilterInputType),
    new FilterField("year", "The award year of the round.", typeof(IntOperationFilterInputType)),
    new FilterField("nominatedAt", "When the nomination was recorded.", typeof(DateTimeOperationFilterInputType)),
    new FilterField("withdrawnAt", "When the nomination was withdrawn (`eq: null`: it stands).", typeof(DateTimeOperationFilterInputType)),
    new FilterField("isWinner", "Whether the nominee received the announced award.", typeof(BooleanOperationFilterInputType)),
    new FilterField("municipality", "Conditions on the nominated municipality.", typeof(MunicipalityFilterInputType)));

public sealed class NominationListFilterInputType() : ListFilterInputType<NominationFilterInputType>("Nomination");

using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Municipalities;

namespace Kvk.Graph.Nominations;

public sealed class NominationSortInputType() : SortInputType(
    "NominationSortInput",
    "Sorts nominations.",
    new SortField("year", "By award year."),
    new SortField("nominatedAt", "By when the nomination was recorded."),
    new SortField("municipality", "By fields of the nominated municipality.", typeof(MunicipalitySortInputType)));

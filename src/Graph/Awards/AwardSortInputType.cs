using Kvk.Graph.Engine.Lists.Sorting;
using Kvk.Graph.Municipalities;

namespace Kvk.Graph.Awards;

public sealed class AwardSortInputType() : SortInputType(
    "AwardSortInput",
    "Sorts awards.",
    new SortField("year", "By award year."),
    new SortField("recipientName", "By the recipient's name, in Swedish alphabetical order."),
    new SortField("municipality", "By fields of the receiving municipality.", typeof(MunicipalitySortInputType)));

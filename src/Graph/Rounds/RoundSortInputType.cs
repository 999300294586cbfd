using Kvk.Graph.Engine.Lists.Sorting;

namespace Kvk.Graph.Rounds;

public sealed class RoundSortInputType() : SortInputType(
    "RoundSortInput",
    "Sorts rounds.",
    new SortField("year", "By award year."),
    new SortField("status", "By lifecycle status, alphabetically by its name."));

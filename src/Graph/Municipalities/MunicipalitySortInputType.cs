using Kvk.Graph.Engine.Lists.Sorting;

namespace Kvk.Graph.Municipalities;

public sealed class MunicipalitySortInputType() : SortInputType(
    "MunicipalitySortInput",
    "Sorts by fields of a municipality (kommun).",
    new SortField("code", "By the 4-digit municipality code."),
    new SortField("name", "By the short name, in Swedish alphabetical order."),
    new SortField("county", "By fields of the municipality's county (län).", typeof(CountySortInputType)));

public sealed class CountySortInputType() : SortInputType(
    "CountySortInput",
    "Sorts by fields of a county (län).",
    new SortField("code", "By the 2-digit county code."),
    new SortField("name", "By the full name, in Swedish alphabetical order."));

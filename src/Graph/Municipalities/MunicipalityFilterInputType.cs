using Kvk.Graph.Awards;
using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Nominations;

namespace Kvk.Graph.Municipalities;

public sealed class MunicipalityFilterInputType() : FilterInputType(
    "MunicipalityFilterInput",
    "Conditions on a municipality (kommun).",
    typeof(MunicipalityFilterInputType),
    new FilterField("code", "The 4-digit municipality code, e.g. \"0180\".", typeof(StringOperationFilterInputType)),
    new FilterField("name", "The short name, e.g. \"Stockholm\".", typeof(StringOperationFilterInputType)),
    new FilterField("officialName", "The official name, e.g. \"Stockholms kommun\".", typeof(StringOperationFilterInputType)),
    new FilterField("county", "Conditions on the municipality's county (län).", typeof(CountyFilterInputType)),
    new FilterField("awards", "Conditions on the awards the municipality received.", typeof(AwardListFilterInputType)),
    new FilterField("nominations", "Conditions on the municipality's nominations.", typeof(NominationListFilterInputType)));

public sealed class CountyFilterInputType() : FilterInputType(
    "CountyFilterInput",
    "Conditions on a county (län).",
    typeof(CountyFilterInputType),
    new FilterField("code", "The 2-digit county code, e.g. \"12\".", typeof(StringOperationFilterInputType)),
    new FilterField("name", "The full name, e.g. \"Skåne län\".", typeof(StringOperationFilterInputType)),
    new FilterField("shortName", "The short name, e.g. \"Skåne\".", typeof(StringOperationFilterInputType)));

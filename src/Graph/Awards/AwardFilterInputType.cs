using Kvk.Graph.Engine.Lists.Filtering;
using Kvk.Graph.Municipalities;

namespace Kvk.Graph.Awards;

public sealed class AwardFilterInputType() : FilterInputType(
    "AwardFilterInput",
    "Conditions on an award.",
    typeof(AwardFilterInputType),
    new FilterField("year", "The award year.", typeof(IntOperationFilterInputType)),
    new FilterField("recipientName", "The recipient as named, e.g. \"Helsingborgs stad\".", typeof(StringOperationFilterInputType)),
    new FilterField("motivation", "The jury's motivation (motivering); `contains` finds a phrase, case-sensitively. For word search with Swedish stemming use `search`.", typeof(StringOperationFilterInputType)),
    new FilterField("announcedAt", "When the award was announced (null where the day is not known).", typeof(DateTimeOperationFilterInputType)),
    new FilterField("municipality", "Conditions on the receiving municipality.", typeof(MunicipalityFilterInputType)));

public sealed class AwardListFilterInputType() : ListFilterInputType<AwardFilterInputType>("Award");

using GraphQL.Types;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Sources;

public sealed class SourceType : ObjectGraphType<Source>
{
    public SourceType()
    {
        Name = "Source";
        Description = "A published document a fact comes from, to cite: kept with the fact when it was recorded, so history and time travel show it too.";
        Field(x => x.Title).Description("The document's title, or where it has none a description that finds it, e.g. \"Fyra kommuner nominerade till " +
            "Sveriges KvalitetsKommun 2023 (press release)\".");
        Field(x => x.Publisher, nullable: true).Description("Who published it, where known, e.g. \"Kvalitetsmässan\".");
        Field(x => x.Url, nullable: true).Description("Its web address, where one is known.");
        Field(x => x.PublishedOn, nullable: true).Description("When it was published, as precise as known: \"2019\", \"2019-11\" or " +
            "\"2019-11-14\"; null where unknown.");
        Field(x => x.Supports).Description("What the source supports, e.g. \"the list of nominees\" or \"the jury's decision and motivation\".");
    }
}

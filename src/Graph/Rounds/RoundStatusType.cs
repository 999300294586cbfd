using GraphQL.Types;
using Kvk.Domain.Rounds;

namespace Kvk.Graph.Rounds;

public sealed class RoundStatusType : EnumerationGraphType<RoundStatus>
{
    public RoundStatusType()
    {
        Name = "RoundStatus";
        Description = "Where a round stands in its lifecycle. Sorted in the order of a round's life: NOMINATING, JUDGING, DECIDED, ANNOUNCED.";
        Values["NOMINATING"]!.Description = "Open: the jury's nominations are being recorded.";
        Values["JUDGING"]!.Description = "Nominations are closed; the jury is reviewing the nominees.";
        Values["DECIDED"]!.Description = "The jury has decided; the decision stays secret until the announcement.";
        Values["ANNOUNCED"]!.Description = "The award has been announced publicly.";
    }
}

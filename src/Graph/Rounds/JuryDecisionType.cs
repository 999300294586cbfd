using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Sources;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

public sealed class JuryDecisionType : ObjectGraphType<DecisionEntry>
{
    public JuryDecisionType(MunicipalityDirectory municipalities)
    {
        Name = "JuryDecision";
        Description = "The jury's decision of a round: the winner and the motivation (motivering).";
        Field<NonNullGraphType<MunicipalityType>>("municipality").Description("The winning municipality (kommun).")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field(x => x.RecipientName).Description("The recipient as named by the jury, e.g. \"Helsingborgs stad\".");
        Field(x => x.Motivation).Description("The jury's motivation, verbatim; the current text where it was corrected.");
        Field<NonNullGraphType<DateTimeType>>("recordedAt").Description("When the decision was recorded in Kvk: a moment of recording, not the " +
            "day the jury decided.").Resolve(c => c.Source.DecidedAt);
        Field<NonNullGraphType<DateTimeType>>("decidedAt").Description("The same moment as `recordedAt`: when the decision was recorded in Kvk, not the " +
            "day the jury decided.").Resolve(c => c.Source.DecidedAt);
        this.AddSources("Where the decision and its motivation are published, with the source of any correction.", d => d.Sources);
    }
}

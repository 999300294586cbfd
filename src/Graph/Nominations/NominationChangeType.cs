using GraphQL.Types;
using Kvk.Graph.Engine.Schema;
using Kvk.Storage.Nominations;

namespace Kvk.Graph.Nominations;

public sealed class NominationChangeType : ObjectGraphType<NominationChange>
{
    public NominationChangeType()
    {
        Name = "NominationChange";
        Description = "A change of a nomination: nominated, withdrawn (with the public reason), nominated again.";
        Field<NonNullGraphType<NominationChangeKindType>>("change").Description("What changed.").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<DateTimeType>>("recordedAt").Description("When the change was recorded in Kvk.").Resolve(c => c.Source.RecordedAt);
        Field(x => x.Reason, nullable: true).Description("The reason given for a withdrawal; public.");
    }
}

public sealed class NominationChangeKindType : EnumerationGraphType<NominationChangeKind>
{
    public NominationChangeKindType()
    {
        Name = "NominationChangeKind";
        Description = "What a change of a nomination was.";
        Values["NOMINATED"]!.Description = "The municipality was nominated (again, after a withdrawal, when it is not the first change).";
        Values["WITHDRAWN"]!.Description = "The nomination was withdrawn, with a public reason.";
    }
}

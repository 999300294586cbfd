using GraphQL.Types;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Rounds;

public sealed class EmbargoReadType : ObjectGraphType<EmbargoRead>
{
    public EmbargoReadType()
    {
        Name = "EmbargoRead";
        Description = "A read by a press credential that returned a round's decision before its announcement.";
        Field(x => x.CredentialName).Description("The name the press credential was issued to.");
        Field(x => x.Year).Description("The round's award year.");
        Field<NonNullGraphType<DateTimeType>>("readAt").Description("When it was read.").Resolve(c => c.Source.ReadAt);
        Field(x => x.Operation).Description("The operation's name as the client sent it (or its kind, e.g. \"query\").");
    }
}

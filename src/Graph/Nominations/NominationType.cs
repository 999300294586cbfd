using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Rounds;
using Kvk.Graph.Schema;
using Kvk.Storage.Municipalities;
using Kvk.Storage.Nominations;

namespace Kvk.Graph.Nominations;

public sealed class NominationType : ObjectGraphType<NominationView>
{
    public NominationType(MunicipalityDirectory municipalities)
    {
        Name = "Nomination";
        Description = "A municipality (kommun) nominated by the jury in a round.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the nomination.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        Field(x => x.Year).Description("The award year of the round.");
        Field<NonNullGraphType<MunicipalityType>>("municipality").Description("The nominated municipality.")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field<NonNullGraphType<RoundType>>("round").Description("The round of the nomination.")
            .Resolve(c => c.Loaders().RoundByYear.Load(c.Source.Year));
        Field<NonNullGraphType<DateTimeType>>("nominatedAt").Description("When the nomination was recorded in Kvk.").Resolve(c => c.Source.NominatedAt);
        Field<DateTimeType>("withdrawnAt").Description("When the nomination was withdrawn; null while it stands.").Resolve(c => c.Source.WithdrawnAt);
        Field(x => x.WithdrawalReason, nullable: true).Description("Why the nomination was withdrawn.");
        Field(x => x.IsWinner).Description("True when this nominee received the announced award.");
    }
}

using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Rounds;
using Kvk.Graph.Sources;
using Kvk.Storage.Nominations;

namespace Kvk.Graph.Nominations;

public sealed class NominationType : ObjectGraphType<NominationView>
{
    /// <summary>The nomination's changes; for a document projected before nominations kept their history, the ones it still shows.</summary>
    public static IReadOnlyList<NominationChange> History(NominationView nomination) => nomination.History.Count > 0
        ? nomination.History
        : [
            new(NominationChangeKind.Nominated, nomination.NominatedAt, null),
            .. nomination.WithdrawnAt is { } withdrawn
                ? [new NominationChange(NominationChangeKind.Withdrawn, withdrawn, nomination.WithdrawalReason)]
                : Array.Empty<NominationChange>(),
        ];

    public NominationType(MunicipalityDirectory municipalities)
    {
        Name = NominationList.Entity.Name;
        Description = NominationList.Entity.Description;
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the nomination.").Resolve(c => GlobalId.Encode(Name, c.Source.Id));
        NominationList.Entity.AddValueFieldsTo(this);
        this.AddSources("Where the nomination is published: the list of nominees it is on, or its own source where that differs " +
            "(2025's reported winner).", n => n.Sources);
        Field<NonNullGraphType<MunicipalityType>>("municipality").Description("The nominated municipality.")
            .Resolve(c => municipalities.Find(c.Source.MunicipalityCode));
        Field<NonNullGraphType<RoundType>>("round").Description("The round of the nomination (as it stood then, for a nomination of a round seen at " +
            "an earlier version).")
            .Resolve(c => c.Service<PastRounds>().Of(c.Source)?.Round is { } past ? past : c.Load(RoundLoaders.ByYear, c.Source.Year));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NominationChangeType>>>>("history")
            .Description("The nomination's own history, oldest first: nominated, withdrawn (when and why), nominated again.")
            .Resolve(c => History(c.Source));
    }
}

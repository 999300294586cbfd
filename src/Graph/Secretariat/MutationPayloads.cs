using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Graph.Rounds;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Secretariat;

/// <summary>What a secretariat mutation returns: the round after the change, or why nothing was recorded.</summary>
public sealed record MutationPayload(RoundView? Round, IReadOnlyList<DomainError>? Errors, string? ClientMutationId);

/// <summary>HotChocolate's mutation convention: one payload type per mutation, each with the round and the typed errors.</summary>
public abstract class MutationPayloadType : ObjectGraphType<MutationPayload>
{
    protected MutationPayloadType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<RoundType>("round").Description("The round after the change; null when the mutation was refused.").Resolve(c => c.Source.Round);
        Field<ListGraphType<NonNullGraphType<DomainErrorInterface>>>("errors")
            .Description("Why the mutation was refused (nothing was recorded); null when it succeeded.")
            .Resolve(c => c.Source.Errors);
        Field(x => x.ClientMutationId, nullable: true).Description("The `clientMutationId` of the input, returned as sent.");
    }
}

public sealed class OpenRoundPayloadType() : MutationPayloadType("OpenRoundPayload", "The result of `openRound`.");

public sealed class NominateMunicipalityPayloadType() : MutationPayloadType("NominateMunicipalityPayload", "The result of `nominateMunicipality`.");

public sealed class WithdrawNominationPayloadType() : MutationPayloadType("WithdrawNominationPayload", "The result of `withdrawNomination`.");

public sealed class CloseNominationsPayloadType() : MutationPayloadType("CloseNominationsPayload", "The result of `closeNominations`.");

public sealed class RecordJuryDecisionPayloadType() : MutationPayloadType("RecordJuryDecisionPayload", "The result of `recordJuryDecision`.");

public sealed class AnnounceAwardPayloadType() : MutationPayloadType("AnnounceAwardPayload", "The result of `announceAward`.");

public sealed class CorrectMotivationPayloadType() : MutationPayloadType("CorrectMotivationPayload", "The result of `correctMotivation`.");

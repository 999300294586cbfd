using GraphQL.Types;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Secretariat;

/// <summary>The fields every secretariat input shares: the round, the concurrency guard and the retry key.</summary>
public abstract class SecretariatInputType : InputObjectGraphType
{
    public const int MaxClientMutationIdLength = 200;

    protected SecretariatInputType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IntGraphType>>("year").Description("The award year of the round, e.g. 2027 (award years are odd, from 2003).");
    }

    protected void MunicipalityCode(string description) =>
        Field<NonNullGraphType<StringGraphType>>("municipalityCode").Description(description);

    protected void Guards()
    {
        Field<IntGraphType>("expectedVersion")
            .Description("The round's `version` the secretary saw; when the round has moved since, the mutation is refused with CONCURRENCY_CONFLICT. Omit to record against the current version.");
        Field<StringGraphType>("clientMutationId")
            .Description($"A client-chosen id of this request (at most {MaxClientMutationIdLength} characters). Sent again with the same id, the mutation has the effect of one and returns the same payload.");
    }
}

public sealed class OpenRoundInputType : SecretariatInputType
{
    public OpenRoundInputType()
        : base("OpenRoundInput", "Opens the round of an award year for nominations.") => Guards();
}

public sealed class NominateMunicipalityInputType : SecretariatInputType
{
    public NominateMunicipalityInputType()
        : base("NominateMunicipalityInput", "Nominates a municipality in a round that is open for nominations.")
    {
        MunicipalityCode("The 4-digit code of the nominated municipality (kommunkod), e.g. \"0643\" for Habo.");
        Guards();
    }
}

public sealed class WithdrawNominationInputType : SecretariatInputType
{
    public WithdrawNominationInputType()
        : base("WithdrawNominationInput", "Withdraws a nomination while the round is open for nominations; the nomination stays in the record with the reason.")
    {
        MunicipalityCode("The 4-digit code of the municipality whose nomination is withdrawn.");
        Field<StringGraphType>("reason").Description("Why the nomination is withdrawn. Required.");
        Guards();
    }
}

public sealed class CloseNominationsInputType : SecretariatInputType
{
    public CloseNominationsInputType()
        : base("CloseNominationsInput", "Closes the nominations of a round: the list of nominees is final and the jury reviews them.") => Guards();
}

public sealed class RecordJuryDecisionInputType : SecretariatInputType
{
    public RecordJuryDecisionInputType()
        : base("RecordJuryDecisionInput", "Records the jury's decision: the winning nominee and the motivation. Secret until the award is announced. Closes the nominations if they are still open.")
    {
        MunicipalityCode("The 4-digit code of the winning municipality; it must be nominated in the round.");
        Field<NonNullGraphType<StringGraphType>>("motivation").Description("The jury's motivation (motivering), verbatim; not empty, at most 4000 characters.");
        Field<StringGraphType>("recipientName").Description("The name the award is given to, e.g. \"Helsingborgs stad\"; defaults to the municipality's official name.");
        Guards();
    }
}

public sealed class AnnounceAwardInputType : SecretariatInputType
{
    public AnnounceAwardInputType()
        : base("AnnounceAwardInput", "Announces the award of a decided round: the decision becomes public.")
    {
        Field<DateTimeType>("announcedAt").Description("When the award was announced, in ISO 8601 with offset, e.g. \"2027-11-18T19:00:00+01:00\"; omit when not known.");
        Guards();
    }
}

public sealed class CorrectMotivationInputType : SecretariatInputType
{
    public CorrectMotivationInputType()
        : base("CorrectMotivationInput", "Corrects the published motivation of an announced award; the earlier text stays in the round's history with the reason.")
    {
        Field<NonNullGraphType<StringGraphType>>("motivation").Description("The corrected motivation, in full; not empty, at most 4000 characters.");
        Field<StringGraphType>("reason").Description("Why the motivation is corrected, e.g. \"Stavfel i kommunens namn\". Required.");
        Guards();
    }
}

using GraphQL.Types;

namespace Kvk.Graph.Secretariat;

/// <summary>What every secretariat input holds: the round, the concurrency guard and the retry key.</summary>
public abstract record SecretariatInput
{
    public const int MaxClientMutationIdLength = 200;

    public required int Year { get; init; }

    public int? ExpectedVersion { get; init; }

    public string? ClientMutationId { get; init; }
}

/// <summary>The input type of a secretariat command: its own fields, and those every input shares, typed as <typeparamref name="TInput"/>.</summary>
public sealed class SecretariatInputType<TInput> : InputObjectGraphType<TInput>
    where TInput : SecretariatInput
{
    public SecretariatInputType(string name, string description, Action<SecretariatInputType<TInput>> fields)
    {
        Name = name;
        Description = description;
        Field(x => x.Year).Description("The award year of the round, e.g. 2027 (award years are odd, from 2003).");
        fields(this);
        Field(x => x.ExpectedVersion, nullable: true)
            .Description("The round's `version` the secretary saw; when the round has moved since, the mutation is refused with CONCURRENCY_CONFLICT. Omit " +
                "to record against the current version.");
        Field(x => x.ClientMutationId, nullable: true)
            .Description($"A client-chosen id of this request (at most {SecretariatInput.MaxClientMutationIdLength} characters). Sent again with the same " +
                "input, the mutation has the effect of one and answers as it first did; the same id with other input is refused with IDEMPOTENCY_KEY_REUSED.");
    }
}

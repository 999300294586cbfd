using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Rounds;
using Kvk.Storage.Rounds;
using Marten;

namespace Kvk.Graph.Secretariat;

/// <summary>What a secretariat mutation returns: the round as the change left it, or why nothing was recorded.</summary>
public sealed record MutationPayload(RoundView? Round, IReadOnlyList<MutationError>? Errors, string? ClientMutationId);

/// <summary>
/// One secretariat command as a mutation, after HotChocolate's mutation conventions: one input, one payload, and one
/// union of the errors it can return, made of the refusals its domain command declares and the recording's own
/// (a conflict, a reused key). Every mutation needs a secretariat token; a press credential is refused (FORBIDDEN).
/// </summary>
public abstract class SecretariatMutation(string name, string description)
{
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A valid credential that may not record: the press's.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The field, e.g. "nominateMunicipality".</summary>
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>The mutation in type names: "NominateMunicipality" for its input, payload and error union.</summary>
    public string TypeName => char.ToUpperInvariant(Name[0]) + Name[1..];

    public abstract IReadOnlyList<RefusalCode> Refusals { get; }

    protected abstract IInputObjectGraphType InputType();

    protected abstract SecretariatInput ReadInput(IResolveFieldContext context);

    protected abstract RoundCommand ToCommand(SecretariatInput input);

    /// <summary>Adds the mutation to the root type, with its input, payload and error union made from its declaration.</summary>
    public void AddTo(ObjectGraphType mutation, IReadOnlyDictionary<string, ObjectGraphType<MutationError>> errorTypes)
    {
        var errors = new UnionGraphType { Name = TypeName + "Error", Description = $"The errors `{Name}` can return; every one implements `Error`." };
        // Every command can meet a year that is no award year (INVALID_INPUT) and the recording's own refusals.
        foreach (var code in Refusals
            .Append(RefusalCode.InvalidInput)
            .Select(MutationError.CodeOf)
            .Concat(MutationError.Recording.Select(r => r.Code))
            .Distinct())
        {
            errors.AddPossibleType(errorTypes[code]);
        }

        var payload = new ObjectGraphType<MutationPayload> { Name = TypeName + "Payload", Description = $"The result of `{Name}`." };
        payload.Field<RoundType>("round").Description("The round as the change left it (a retry answers the round as the first request left it); null when " +
            "the mutation was refused.")
            .Resolve(c => c.Source.Round);
        payload.Field("errors", new ListGraphType(new NonNullGraphType(errors))).Description(
            "Why the mutation was refused (nothing was recorded); null when it succeeded.")
            .Resolve(c => c.Source.Errors);
        payload.Field(x => x.ClientMutationId, nullable: true).Description("The `clientMutationId` of the input, returned as sent.");

        mutation.AddField(new FieldType
        {
            Name = Name,
            Description = Description,
            ResolvedType = new NonNullGraphType(payload),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(InputType())) { Name = "input", Description = "What to record." }),
            Resolver = new FuncFieldResolver<object?>(async c => await RecordAsync(c)),
        });
    }

    private async Task<MutationPayload> RecordAsync(IResolveFieldContext context)
    {
        if (context.IsPress())
        {
            throw new ExecutionError("A press credential reads under embargo and records nothing: recording needs a secretariat credential.")
            {
                Code = Forbidden,
            };
        }

        if (!context.IsSecretariat() || context.User?.Identity?.Name is not { Length: > 0 } actor)
        {
            var error = new ExecutionError("Recording needs a secretariat token: send the header `Authorization: Bearer <token>` with a valid token.")
            {
                Code = Unauthenticated,
            };

            // A token was sent and is not known (an expired or revoked one never gets here: the pipeline refuses its every operation).
            throw context.User?.FindFirst(SecretariatAuthenticator.RefusedClaim) is { } refused ? error.AddExtension("reason", refused.Value) : error;
        }

        var input = ReadInput(context);
        var clientMutationId = input.ClientMutationId;
        if (clientMutationId is { Length: > SecretariatInput.MaxClientMutationIdLength })
        {
            return Refused(new MutationError(MutationError.CodeOf(RefusalCode.InvalidInput),
                $"The clientMutationId is {clientMutationId.Length} characters long; at most " +
                $"{SecretariatInput.MaxClientMutationIdLength} are allowed."), clientMutationId);
        }

        var command = ToCommand(input);
        var result = await context.Service<RoundRecorder>().RecordAsync(command, actor, input.ExpectedVersion, clientMutationId, context.CancellationToken);
        if (result.Sequence is { } committedAt)
        {
            // The answer names it, so that the secretary's next read, on any host, can ask to see this change.
            context.Service<CommittedVersion>().Committed(committedAt);
        }

        return result.Status switch
        {
            RecordingStatus.Accepted => new MutationPayload(await RoundAtAsync(context, command.Year, result.Version), null, clientMutationId),
            RecordingStatus.Refused => Refused(MutationError.From(result.Refusal!), clientMutationId),
            RecordingStatus.IdempotencyKeyReused => Refused(new MutationError(MutationError.IdempotencyKeyReused,
                $"The clientMutationId \"{clientMutationId}\" was already used for another request (other input, or another mutation); nothing was " +
                    "recorded. Send a new id."), clientMutationId),
            _ => Refused(
                new MutationError(MutationError.ConcurrencyConflict, input.ExpectedVersion is { } expected && expected != result.Version
                    ? $"The {command.Year} round is at version {result.Version}, not {expected}: it changed since you read it. Reload it and try again."
                    : $"The {command.Year} round changed while this was being recorded (another secretary at the same moment). Reload it and try again."),
                clientMutationId),
        };
    }

    private static MutationPayload Refused(MutationError error, string? clientMutationId) => new(null, [error], clientMutationId);

    /// <summary>The round at the version the change left it: the first request's answer, and a retry's.</summary>
    private static async Task<RoundView?> RoundAtAsync(IResolveFieldContext context, int year, long version)
    {
        await using var session = context.Service<IDocumentStore>().QuerySession();
        return (await RoundTimeTravel.AsOfAsync(session, context.Service<MunicipalityDirectory>(), year, version, null, context.CancellationToken))?.Round;
    }
}

/// <summary>A mutation whose input is <typeparamref name="TInput"/> and whose command is <typeparamref name="TCommand"/>, typed end to end.</summary>
public abstract class SecretariatMutation<TInput, TCommand>(string name, string description, string inputDescription) : SecretariatMutation(name, description)
    where TInput : SecretariatInput
    where TCommand : RoundCommand, IDeclaredRefusals
{
    public sealed override IReadOnlyList<RefusalCode> Refusals => TCommand.Refusals;

    protected sealed override IInputObjectGraphType InputType() => new SecretariatInputType<TInput>(TypeName + "Input", inputDescription, Fields);

    protected sealed override SecretariatInput ReadInput(IResolveFieldContext context) => context.GetArgument<TInput>("input");

    protected sealed override RoundCommand ToCommand(SecretariatInput input) => Command((TInput)input);

    /// <summary>The command's own input fields, beside the shared ones (year, expectedVersion, clientMutationId).</summary>
    protected abstract void Fields(SecretariatInputType<TInput> input);

    protected abstract TCommand Command(TInput input);
}

using GraphQL;
using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Schema;
using Kvk.Storage.Rounds;
using Marten;

namespace Kvk.Graph.Secretariat;

/// <summary>
/// The secretariat's write side: one mutation per round command, each with one input and one payload
/// (HotChocolate's mutation conventions). Every mutation needs a secretariat token.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    public const string Unauthenticated = "UNAUTHENTICATED";

    public MutationType()
    {
        Name = "Mutation";
        Description = "The jury secretariat records a round as it happens. Every mutation needs `Authorization: Bearer <token>`; a refused one records nothing.";
        Add<OpenRoundInputType, OpenRoundPayloadType>("openRound", "Opens the round of an award year.", i => new OpenRound(i.Year));
        Add<NominateMunicipalityInputType, NominateMunicipalityPayloadType>(
            "nominateMunicipality", "Nominates a municipality in an open round.", i => new NominateMunicipality(i.Year, i.Code));
        Add<WithdrawNominationInputType, WithdrawNominationPayloadType>(
            "withdrawNomination", "Withdraws a nomination, with the reason, while nominations are open.", i => new WithdrawNomination(i.Year, i.Code, i.Text("reason")));
        Add<CloseNominationsInputType, CloseNominationsPayloadType>(
            "closeNominations", "Closes the nominations of a round.", i => new CloseNominations(i.Year));
        Add<RecordJuryDecisionInputType, RecordJuryDecisionPayloadType>(
            "recordJuryDecision", "Records the jury's decision and motivation; secret until announced.",
            i => new RecordJuryDecision(i.Year, i.Code, i.Text("motivation") ?? "", i.Text("recipientName")));
        Add<AnnounceAwardInputType, AnnounceAwardPayloadType>(
            "announceAward", "Announces the award of a decided round.", i => new AnnounceAward(i.Year, i.Value<DateTimeOffset?>("announcedAt")));
        Add<CorrectMotivationInputType, CorrectMotivationPayloadType>(
            "correctMotivation", "Corrects the motivation of an announced award; the history keeps both texts.",
            i => new CorrectMotivation(i.Year, i.Text("motivation") ?? "", i.Text("reason")));
    }

    private void Add<TInput, TPayload>(string name, string description, Func<MutationInput, RoundCommand> command)
        where TInput : SecretariatInputType
        where TPayload : MutationPayloadType =>
        Field<NonNullGraphType<TPayload>>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input", "What to record.")
            .ResolveAsync(async c =>
            {
                var input = new MutationInput(c.GetArgument<Dictionary<string, object?>>("input"));
                return await RecordAsync(c, input, command(input));
            });

    private static async Task<MutationPayload> RecordAsync(IResolveFieldContext context, MutationInput input, RoundCommand command)
    {
        if (!context.IsSecretariat() || context.User?.Identity?.Name is not { Length: > 0 } actor)
        {
            throw new ExecutionError("Recording needs a secretariat token: send the header `Authorization: Bearer <token>` with a valid token.") { Code = Unauthenticated };
        }

        var clientMutationId = input.Text("clientMutationId");
        if (clientMutationId is { Length: > SecretariatInputType.MaxClientMutationIdLength })
        {
            return Refused(new DomainError(DomainError.CodeOf(RefusalCode.InvalidInput), $"The clientMutationId is {clientMutationId.Length} characters long; at most {SecretariatInputType.MaxClientMutationIdLength} are allowed."), clientMutationId);
        }

        var expectedVersion = input.Value<int?>("expectedVersion");
        var result = await context.Service<RoundRecorder>().RecordAsync(command, actor, expectedVersion, clientMutationId, context.CancellationToken);
        return result.Status switch
        {
            RecordingStatus.Accepted => new MutationPayload(await LoadRoundAsync(context, command.Year), null, clientMutationId),
            RecordingStatus.Refused => Refused(DomainError.From(result.Refusal!), clientMutationId),
            _ => Refused(
                new DomainError(DomainError.ConcurrencyConflict, expectedVersion is { } expected && expected != result.Version
                    ? $"The {command.Year} round is at version {result.Version}, not {expected}: it changed since you read it. Reload it and try again."
                    : $"The {command.Year} round changed while this was being recorded (another secretary at the same moment). Reload it and try again."),
                clientMutationId),
        };
    }

    private static MutationPayload Refused(DomainError error, string? clientMutationId) => new(null, [error], clientMutationId);

    private static async Task<RoundView?> LoadRoundAsync(IResolveFieldContext context, int year)
    {
        await using var session = context.Service<IDocumentStore>().QuerySession();
        return await session.LoadAsync<RoundView>(AwardYear.StreamKey(year), context.CancellationToken);
    }

    /// <summary>The parsed input object of a mutation.</summary>
    private sealed class MutationInput(Dictionary<string, object?> fields)
    {
        public int Year => Value<int>("year");

        public string Code => Text("municipalityCode")?.Trim() ?? "";

        public string? Text(string name) => Value<string?>(name);

        public T Value<T>(string name) => fields.TryGetValue(name, out var value) && value is T typed ? typed : default!;
    }
}

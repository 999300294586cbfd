using System.ComponentModel;
using System.Reflection;
using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Secretariat;

/// <summary>A refusal as a client sees it: a stable code and a message in plain words.</summary>
public sealed record MutationError(string Code, string Message)
{
    public const string ConcurrencyConflict = "CONCURRENCY_CONFLICT";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    public static MutationError From(RoundRefusal refusal) => new(CodeOf(refusal.Code), refusal.Message);

    /// <summary><c>RoundNotFound</c> → <c>ROUND_NOT_FOUND</c>: the codes are the rule names, spelled as GraphQL enums are.</summary>
    public static string CodeOf(RefusalCode code) => ConstantName.Of(code);

    /// <summary><c>ROUND_NOT_FOUND</c> → <c>RoundNotFoundError</c>.</summary>
    public static string TypeNameOf(string code) => ConstantName.ToPascalCase(code) + "Error";

    /// <summary>The codes any mutation can meet besides its rule's refusals, with what they mean.</summary>
    public static readonly IReadOnlyList<(string Code, string Description)> Recording =
    [
        (ConcurrencyConflict, "The round changed since it was read (a stale `expectedVersion`, or another secretary at the same moment); " +
            "reload it and try again."),
        (IdempotencyKeyReused, "The `clientMutationId` was already used for another mutation or other input; nothing was recorded. Send a new " +
            "id for a new request."),
    ];

    /// <summary>Every code with its description: the rules' refusals (described on <see cref="RefusalCode"/>) and the recording's.</summary>
    public static IEnumerable<(string Code, string Description)> All =>
        Enum.GetValues<RefusalCode>()
            .Select(c => (CodeOf(c), typeof(RefusalCode).GetField(c.ToString())!.GetCustomAttribute<DescriptionAttribute>()!.Description))
            .Concat(Recording);
}

/// <summary>HotChocolate's mutation error interface: every error type has a message.</summary>
public sealed class ErrorInterface : InterfaceGraphType<MutationError>
{
    public ErrorInterface()
    {
        Name = "Error";
        Description = "Why a mutation was refused; nothing was recorded. Every error type of a mutation's `errors` implements it: select `... on " +
            "Error { code message }`.";
        Field(x => x.Message).Description("What went wrong, in plain words for the secretary.");
        Field(x => x.Code).Description("A stable code for programs, e.g. ROUND_NOT_FOUND: the error type's name in capitals (a field Kvk adds to " +
            "HotChocolate's interface).");
    }
}

/// <summary>The error types, one per code, made from the codes: none is listed by hand.</summary>
public static class MutationErrorTypes
{
    public static IReadOnlyDictionary<string, ObjectGraphType<MutationError>> Create() =>
        MutationError.All.ToDictionary(e => e.Code, e => Create(e.Code, e.Description), StringComparer.Ordinal);

    private static ObjectGraphType<MutationError> Create(string code, string description)
    {
        var type = new ObjectGraphType<MutationError>
        {
            Name = MutationError.TypeNameOf(code),
            Description = description,
            IsTypeOf = o => o is MutationError e && e.Code == code,
        };
        type.Field(x => x.Message).Description("What went wrong, in plain words for the secretary.");
        type.Field(x => x.Code).Description($"Always {code}: a stable code for programs.");
        type.Interface<ErrorInterface>();
        return type;
    }
}

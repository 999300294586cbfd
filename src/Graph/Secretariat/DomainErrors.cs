using GraphQL.Types;
using Kvk.Domain.Rounds;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Secretariat;

/// <summary>A refusal as a client sees it: a stable code and a message in plain words.</summary>
public sealed record DomainError(string Code, string Message)
{
    public const string ConcurrencyConflict = "CONCURRENCY_CONFLICT";

    public static DomainError From(RoundRefusal refusal) => new(CodeOf(refusal.Code), refusal.Message);

    /// <summary><c>RoundNotFound</c> → <c>ROUND_NOT_FOUND</c>: the codes are the rule names, spelled as GraphQL enums are.</summary>
    public static string CodeOf(RefusalCode code) =>
        string.Concat(code.ToString().Select((ch, i) => i > 0 && char.IsUpper(ch) ? $"_{ch}" : $"{char.ToUpperInvariant(ch)}"));
}

public sealed class DomainErrorInterface : InterfaceGraphType<DomainError>
{
    public DomainErrorInterface()
    {
        Name = "DomainError";
        Description = "Why a mutation was refused. Nothing was recorded. Select `code` and `message`, or the concrete error type with a fragment.";
        Field(x => x.Message).Description("What went wrong, in plain words for the secretary.");
        Field(x => x.Code).Description("A stable code for programs, e.g. ROUND_NOT_FOUND.");
    }
}

/// <summary>One concrete error type per code, all over the same <see cref="DomainError"/>.</summary>
public abstract class DomainErrorType : ObjectGraphType<DomainError>
{
    protected DomainErrorType(string code, string description)
    {
        Code = code;
        Name = string.Concat(code.Split('_').Select(w => w[0] + w[1..].ToLowerInvariant())) + "Error";
        Description = description;
        Field(x => x.Message).Description("What went wrong, in plain words for the secretary.");
        Field(x => x.Code).Description($"Always {code}.");
        Interface<DomainErrorInterface>();
        IsTypeOf = o => o is DomainError e && e.Code == code;
    }

    public string Code { get; }

    /// <summary>The error types, for registering them with the schema (they are reached only through the interface).</summary>
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(RoundNotFoundErrorType), typeof(RoundAlreadyExistsErrorType), typeof(UnknownMunicipalityErrorType),
        typeof(AlreadyNominatedErrorType), typeof(NotNominatedErrorType), typeof(RoundClosedErrorType),
        typeof(DecisionRequiredErrorType), typeof(AlreadyDecidedErrorType), typeof(AlreadyAnnouncedErrorType),
        typeof(NotAnnouncedErrorType), typeof(InvalidInputErrorType), typeof(ConcurrencyConflictErrorType),
    ];
}

public sealed class RoundNotFoundErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.RoundNotFound), "There is no round for the year; open it first.");

public sealed class RoundAlreadyExistsErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.RoundAlreadyExists), "The round of the year is already open.");

public sealed class UnknownMunicipalityErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.UnknownMunicipality), "The code is not the 4-digit code of one of Sweden's 290 municipalities.");

public sealed class AlreadyNominatedErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.AlreadyNominated), "The municipality is already nominated in the round.");

public sealed class NotNominatedErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.NotNominated), "The municipality is not nominated in the round.");

public sealed class RoundClosedErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.RoundClosed), "Nominations of the round are closed.");

public sealed class DecisionRequiredErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.DecisionRequired), "The jury's decision must be recorded first.");

public sealed class AlreadyDecidedErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.AlreadyDecided), "The jury's decision of the round is already recorded.");

public sealed class AlreadyAnnouncedErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.AlreadyAnnounced), "The award of the round is already announced.");

public sealed class NotAnnouncedErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.NotAnnounced), "The award of the round is not announced yet; only a published motivation can be corrected.");

public sealed class InvalidInputErrorType() : DomainErrorType(DomainError.CodeOf(RefusalCode.InvalidInput), "The input is not valid (an empty or too long text, a year that is not an award year, a reused clientMutationId).");

public sealed class ConcurrencyConflictErrorType() : DomainErrorType(DomainError.ConcurrencyConflict, "The round changed since it was read (a stale `expectedVersion`, or another secretary at the same moment); reload it and try again.");

namespace Kvk.Storage.Rounds;

/// <summary>
/// A command that was accepted under a client's mutation id, saved in the same transaction as its events,
/// so that a retry with the same id (per actor) has the effect of one and returns the same result.
/// </summary>
public sealed record ProcessedMutation
{
    public required string Id { get; init; }

    public required string Actor { get; init; }

    public required string ClientMutationId { get; init; }

    /// <summary>The command's name, e.g. <c>OpenRound</c>: the same id sent with another command is refused.</summary>
    public required string Command { get; init; }

    /// <summary>
    /// The command as it was accepted (its JSON): the same id sent with other input is refused too. Null for a mutation
    /// recorded before the input was kept; such an id is bound to its command and year only.
    /// </summary>
    public string? Input { get; init; }

    public required int Year { get; init; }

    /// <summary>The round's stream version after the accepted command.</summary>
    public required long Version { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public static string IdFor(string actor, string clientMutationId) => $"{actor}\n{clientMutationId}";
}

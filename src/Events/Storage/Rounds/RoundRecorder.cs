using JasperFx;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Storage.PublicLog;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;

namespace Kvk.Storage.Rounds;

/// <summary>What became of a command sent to a round.</summary>
/// <param name="Replayed">True when the command had already been accepted under the same client mutation id and nothing new was appended.</param>
/// <param name="Sequence">
/// For an accepted command, the store's sequence of its last event: the data version it committed at, which a client can
/// present to read at least that new.
/// </param>
public sealed record RecordingResult(RecordingStatus Status, long Version, RoundRefusal? Refusal, bool Replayed = false, long? Sequence = null)
{
    public static RecordingResult Accepted(long version, long sequence) => new(RecordingStatus.Accepted, version, null, Sequence: sequence);
}

public enum RecordingStatus
{
    Accepted,
    Refused,

    /// <summary>The round moved since the writer looked at it (another secretary, or a stale expected version).</summary>
    Conflict,

    /// <summary>The client mutation id was already used for another command or other input; nothing was recorded.</summary>
    IdempotencyKeyReused,
}

/// <summary>
/// The write path of a round: read its stream, let <see cref="RoundRules"/> decide, append at the
/// version that was read. Inline projections update the read model, the public log chains the events and every host is
/// notified (<see cref="RoundChangeNotice"/>), all in the same transaction (<see cref="ChainedSession"/>).
/// </summary>
public sealed class RoundRecorder(IDocumentStore store, MunicipalityDirectory municipalities, ILogger<RoundRecorder>? log = null)
{
    /// <summary>Raised after a command's events are committed, with the round's year (caches listen).</summary>
    public event Action<int>? Recorded;

    /// <param name="clientMutationId">
    /// The client's id for this request. When given, a second request with the same id from the same actor
    /// appends nothing and returns the first one's result; the mapping is saved with the events, in one transaction.
    /// </param>
    public async Task<RecordingResult> RecordAsync(
        RoundCommand command,
        string actor,
        long? expectedVersion = null,
        string? clientMutationId = null,
        CancellationToken cancellationToken = default)
    {
        var processedId = string.IsNullOrEmpty(clientMutationId) ? null : ProcessedMutation.IdFor(actor, clientMutationId);
        if (processedId is not null && await ReplayAsync(processedId, command, cancellationToken) is { } replay)
        {
            return replay;
        }

        var result = await DecideOnLatestAsync(command, actor, expectedVersion, processedId, clientMutationId, cancellationToken);

        // A duplicate may have been accepted between the check above and the read of the stream, so that this
        // one found the round moved or the command already applied: then it is a retry, and gets the first's result.
        return result.Status != RecordingStatus.Accepted && processedId is not null && await ReplayAsync(processedId, command, cancellationToken) is { } late
            ? late
            : result;
    }

    /// <summary>
    /// How often a command sent without an expected version is decided again when another write to the round committed
    /// between its read and its append. Each new try means another writer got through, so n secretaries writing at once
    /// need at most n tries.
    /// </summary>
    public const int MaxAttempts = 16;

    /// <summary>
    /// A command without an expected version means "on the round as it is": when another write got there first, it is
    /// decided again on the latest round (and may then be refused by the rules, e.g. ALREADY_DECIDED) instead of
    /// answering a conflict the secretary did not ask to hear about. With an expected version, a moved round stays a conflict.
    /// </summary>
    private async Task<RecordingResult> DecideOnLatestAsync(
        RoundCommand command,
        string actor,
        long? expectedVersion,
        string? processedId,
        string? clientMutationId,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (result, overtaken) = await DecideAndAppendAsync(command, actor, expectedVersion, processedId, clientMutationId, cancellationToken);
            if (!overtaken || expectedVersion is not null || attempt == MaxAttempts)
            {
                return result;
            }

            if (log is not null)
            {
                RecorderLog.Overtaken(log, command.GetType().Name, command.Year, attempt);
            }
        }
    }

    /// <returns>The result, and whether another write to the stream committed first (the append found the round moved).</returns>
    private async Task<(RecordingResult Result, bool Overtaken)> DecideAndAppendAsync(
        RoundCommand command,
        string actor,
        long? expectedVersion,
        string? processedId,
        string? clientMutationId,
        CancellationToken cancellationToken)
    {
        await using var chained = await ChainedSession.OpenAsync(store, actor, cancellationToken);
        var session = chained.Session;
        var key = AwardYear.StreamKey(command.Year);
        var stored = await session.Events.FetchStreamAsync(key, token: cancellationToken);
        var version = stored.Count == 0 ? 0 : stored[^1].Version;
        if (expectedVersion is { } expected && expected != version)
        {
            return (new RecordingResult(RecordingStatus.Conflict, version, null), false);
        }

        var outcome = RoundRules.Decide(Round.Fold(stored.Select(e => e.Data)), command, municipalities);
        if (outcome.Refusal is { } refusal)
        {
            return (new RecordingResult(RecordingStatus.Refused, version, refusal), false);
        }

        var next = version + outcome.Events.Count;
        if (version == 0)
        {
            session.Events.StartStream(key, outcome.Events);
        }
        else
        {
            session.Events.Append(key, next, outcome.Events);
        }

        if (processedId is not null)
        {
            // Insert, not store: of two concurrent requests with one id, the second fails on the key and appends nothing.
            session.Insert(new ProcessedMutation
            {
                Id = processedId,
                Actor = actor,
                ClientMutationId = clientMutationId!,
                Command = command.GetType().Name,
                Input = InputOf(command),
                Year = command.Year,
                Version = next,
                RecordedAt = DateTimeOffset.UtcNow,
            });
        }

        IReadOnlyList<RoundChangeNotice> committed;
        try
        {
            committed = await chained.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyException or ExistingStreamIdCollisionException)
        {
            return (new RecordingResult(RecordingStatus.Conflict, version, null), true);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another request with the same client mutation id won: not a moved round, and the caller replays its result.
            return (new RecordingResult(RecordingStatus.Conflict, version, null), false);
        }

        Recorded?.Invoke(command.Year);
        return (RecordingResult.Accepted(next, committed.Select(n => n.Sequence).DefaultIfEmpty().Max()), false);
    }

    private async Task<RecordingResult?> ReplayAsync(string processedId, RoundCommand command, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var processed = await query.LoadAsync<ProcessedMutation>(processedId, cancellationToken);
        if (processed is null)
        {
            return null;
        }

        var same = processed.Command == command.GetType().Name
            && processed.Year == command.Year
            && (processed.Input is null || processed.Input == InputOf(command));
        if (!same)
        {
            return new RecordingResult(RecordingStatus.IdempotencyKeyReused, processed.Version, null);
        }

        // The first request's events: their sequence is the data version the command committed at.
        var events = await query.Events.FetchStreamAsync(AwardYear.StreamKey(processed.Year), processed.Version, token: cancellationToken);
        return new RecordingResult(RecordingStatus.Accepted, processed.Version, null, Replayed: true, Sequence: events.Count > 0 ? events[^1].Sequence : null);
    }

    /// <summary>What binds a client mutation id to its request: the command with all its input.</summary>
    private static string InputOf(RoundCommand command) => System.Text.Json.JsonSerializer.Serialize(command, command.GetType());
}

using JasperFx;
using Kvk.Events.Municipalities;
using Marten;
using Marten.Exceptions;

namespace Kvk.Events.Rounds;

/// <summary>What became of a command sent to a round.</summary>
public sealed record RecordingResult(RecordingStatus Status, long Version, RoundRefusal? Refusal)
{
    public static RecordingResult Accepted(long version) => new(RecordingStatus.Accepted, version, null);
}

public enum RecordingStatus
{
    Accepted,
    Refused,

    /// <summary>The round moved since the writer looked at it (another secretary, or a stale expected version).</summary>
    Conflict,
}

/// <summary>
/// The write path of a round: read its stream, let <see cref="RoundRules"/> decide, append at the
/// version that was read. Inline projections update the read model in the same transaction. After the
/// commit the <see cref="IRoundChangeNotifier"/> (when there is one) is told, for live updates.
/// </summary>
public sealed class RoundRecorder(IDocumentStore store, MunicipalityDirectory municipalities, IRoundChangeNotifier? notifier = null)
{
    public async Task<RecordingResult> RecordAsync(RoundCommand command, string actor, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = actor;
        var key = AwardYear.StreamKey(command.Year);
        var stored = await session.Events.FetchStreamAsync(key, token: cancellationToken);
        var version = stored.Count == 0 ? 0 : stored[^1].Version;
        if (expectedVersion is { } expected && expected != version)
        {
            return new RecordingResult(RecordingStatus.Conflict, version, null);
        }

        var outcome = RoundRules.Decide(Round.Fold(stored.Select(e => e.Data)), command, municipalities);
        if (outcome.Refusal is { } refusal)
        {
            return new RecordingResult(RecordingStatus.Refused, version, refusal);
        }

        if (version == 0)
        {
            session.Events.StartStream(key, outcome.Events);
        }
        else
        {
            session.Events.Append(key, version + outcome.Events.Count, outcome.Events);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyException or ExistingStreamIdCollisionException)
        {
            return new RecordingResult(RecordingStatus.Conflict, version, null);
        }

        if (notifier is not null)
        {
            // The change is committed whatever happens here: a lost notification costs a live update, not the record.
            await notifier.RoundChangedAsync(command.Year, [.. outcome.Events.Select(e => e.GetType().Name)], CancellationToken.None);
        }

        return RecordingResult.Accepted(version + outcome.Events.Count);
    }
}

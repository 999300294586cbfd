using System.Diagnostics;
using Kvk.Graph.Engine.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Kvk.Graph.Replication;

/// <summary>The end of a wait for the read database: whether it replayed the position within the bound, and after how long.</summary>
public readonly record struct ReplayWait(bool Replayed, TimeSpan Waited);

/// <summary>
/// How far the read database has replayed the primary's write-ahead log. A streaming replica applies a commit
/// a little after the primary made it; whoever announces the commit waits here first, so that a client told
/// of a change never reads the state before it.
/// </summary>
public sealed class ReplicaReplay(
    NpgsqlDataSource primary,
    [FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource reads,
    ReplicaSettings settings,
    ReadSource source)
{
    // Every host waits for the same change on its own: the shorter the poll, the shorter the moment in which one
    // host already shows a change that another does not yet. Polls happen only while a change is awaited.
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(10);

    public ReplicaSettings Settings => settings;

    /// <summary>Whether the public reads the replica now (not when none is configured, nor while the host reads the primary instead).</summary>
    public bool ReadsReplicaNow => settings.ReadsFromReplica && !source.FromPrimary;

    /// <summary>The primary's WAL write position now.</summary>
    public async Task<NpgsqlLogSequenceNumber> PrimaryPositionAsync(CancellationToken cancellationToken)
    {
        await using var command = primary.CreateCommand("select pg_current_wal_lsn()");
        return (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The position up to which the read database has replayed the WAL; null when it is not a standby (the primary, or a promoted replica).</summary>
    public async Task<NpgsqlLogSequenceNumber?> ReplayedAsync(CancellationToken cancellationToken)
    {
        await using var command = reads.CreateCommand("select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() end");
        return await command.ExecuteScalarAsync(cancellationToken) is NpgsqlLogSequenceNumber replayed ? replayed : null;
    }

    /// <summary>
    /// Polls the read database until it has replayed <paramref name="position"/>, for at most
    /// <see cref="ReplicaSettings.MaxLag"/>. Returns at once when no replica is configured, and unreplayed as soon as
    /// the host turns its reads to the primary (<see cref="ReadSource"/>).
    /// </summary>
    public async Task<ReplayWait> WaitForAsync(NpgsqlLogSequenceNumber position, CancellationToken cancellationToken)
    {
        if (!settings.ReadsFromReplica)
        {
            return new ReplayWait(true, TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            if (await ReplayedAsync(cancellationToken) is not { } replayed || replayed >= position)
            {
                return new ReplayWait(true, clock.Elapsed);
            }

            if (clock.Elapsed >= settings.MaxLag || source.FromPrimary)
            {
                return new ReplayWait(false, clock.Elapsed);
            }

            await Task.Delay(pause, cancellationToken);
            pause = pause * 2 < LongestPoll ? pause * 2 : LongestPoll;
        }
    }
}

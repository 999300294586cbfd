using System.Diagnostics;
using System.Globalization;
using Kvk.Graph.Engine.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Kvk.Graph.Replication;

/// <summary>
/// Looks at the replica every second, in the background, and turns the host's <see cref="ReadSource"/>: to the
/// primary when the replica does not answer or has not replayed what the primary wrote within
/// <see cref="ReplicaSettings.MaxLag"/>; back to the replica once it has replayed what the primary had written at the
/// previous look (or when the primary itself does not answer: then the replica is all there is to read). Requests
/// never wait for this: they read the state it leaves, and readiness reports it (<see cref="ReplicaLagHealthCheck"/>).
/// </summary>
public sealed class ReplicaMonitor(
    ReplicaReplay replay,
    ReadSource source,
    [FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource reads,
    ILogger<ReplicaMonitor> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // A database that has not answered a look within this long counts as gone (a host cut off, not just refused).
    // As long as a public read waits for the replica before it reads the primary.
    private static readonly TimeSpan LookTimeout = ReadStore.ReplicaPatience;

    // The oldest primary position the replica had not replayed at a look, and since when it was waited for.
    private (NpgsqlLogSequenceNumber Position, Stopwatch Since)? _awaited;

    /// <summary>The last look's findings; null before the first.</summary>
    public ReplicaObservation? Latest { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!replay.Settings.ReadsFromReplica)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            await LookAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look at both databases, and the read source turned by what it found.</summary>
    public async Task LookAsync(CancellationToken stoppingToken)
    {
        var position = (await AskAsync(async token => new Answer<NpgsqlLogSequenceNumber>(await replay.PrimaryPositionAsync(token)), stoppingToken))?.Value;
        var replayed = await AskAsync(async token => new Answer<NpgsqlLogSequenceNumber?>(await replay.ReplayedAsync(token)), stoppingToken);
        if (replayed is null)
        {
            _awaited = null;
            Latest = new ReplicaObservation(position is not null, false, 0, 0);
            if (position is not null)
            {
                Turn(toPrimary: true, "The replica does not answer.");
            }

            return;
        }

        if (position is null || replayed.Value is null)
        {
            _awaited = null;
            Latest = new ReplicaObservation(position is not null, true, 0, 0);
            Turn(toPrimary: false, position is null
                ? "The primary does not answer: the replica is all there is to read."
                : "The read database is not a standby (promoted, or the primary itself).");
            return;
        }

        Compare(position.Value, replayed.Value.Value);
    }

    private void Compare(NpgsqlLogSequenceNumber position, NpgsqlLogSequenceNumber replayed)
    {
        var bytes = replayed >= position ? 0 : (long)((ulong)position - (ulong)replayed);
        var caughtUp = bytes == 0 || (_awaited is { } previous && replayed >= previous.Position);
        if (bytes == 0)
        {
            _awaited = null;
        }
        else if (_awaited is null || caughtUp)
        {
            _awaited = (position, Stopwatch.StartNew());
        }

        var seconds = Math.Round(_awaited?.Since.Elapsed.TotalSeconds ?? 0, 3);
        Latest = new ReplicaObservation(true, true, bytes, seconds);
        var maxLag = replay.Settings.MaxLag.TotalSeconds;
        if (seconds >= maxLag)
        {
            Turn(toPrimary: true, string.Create(
                CultureInfo.InvariantCulture, $"The replica trails the primary by more than {maxLag} s ({bytes} WAL bytes behind)."));
        }
        else if (caughtUp)
        {
            Turn(toPrimary: false, "The replica has replayed what the primary had written.");
        }
    }

    private void Turn(bool toPrimary, string reason)
    {
        if (toPrimary && source.FallBack(reason))
        {
            // Idle connections to a replica that went away are broken: none is handed to a read once it is back.
            reads.Clear();
            ReplicationLog.ReadsFromPrimary(log, reason);
        }
        else if (!toPrimary && source.Return(reason))
        {
            ReplicationLog.ReadsFromReplica(log, reason);
        }
    }

    /// <summary>A database's answer, or null when it gave none within <see cref="LookTimeout"/>.</summary>
    private static async Task<T?> AskAsync<T>(Func<CancellationToken, Task<T>> ask, CancellationToken stoppingToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(LookTimeout);
        try
        {
            return await ask(timeout.Token);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return default;
        }
    }

    /// <summary>What a database answered (the replica's replayed position is null when it is no standby).</summary>
    private sealed record Answer<T>(T Value);
}

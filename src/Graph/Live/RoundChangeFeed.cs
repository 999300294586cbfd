using Kvk.Domain.Municipalities;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Replication;
using Kvk.Graph.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Rounds;
using Marten;
using Npgsql;

namespace Kvk.Graph.Live;

/// <summary>
/// Listens on PostgreSQL (<c>LISTEN kvk_rounds</c>, one dedicated connection, reconnecting after a failure) and
/// publishes the changed round, and the award when one was announced, to this host's subscribers. Every host
/// listens, so a change recorded by one host reaches the subscribers of all of them. A host that reads from a
/// replica first waits (at most <see cref="ReplicaSettings.MaxLag"/>) until the replica has replayed the change,
/// so that neither a subscriber nor a response computed after the cache is cleared sees the state before it. While
/// the connection is lost the response cache is suspended, and it starts empty once listening again. Each
/// change is pushed as it left the round (its version, folded from the events), however many changes are queued, and
/// read where the public reads: from the read pool once it has replayed the change, from the primary past the bound.
/// </summary>
public sealed class RoundChangeFeed(
    NpgsqlDataSource dataSource,
    [FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource reads,
    IDocumentStore store,
    MunicipalityDirectory municipalities,
    ResponseCache cache,
    ReplicaReplay replay,
    SharedEventResults shared,
    ILogger<RoundChangeFeed> log) : BackgroundService
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Broadcast<RoundView> Rounds { get; } = new(shared);

    public Broadcast<AwardView> Awards { get; } = new(shared);

    /// <summary>
    /// How many times <c>LISTEN</c> has been put in place: when it grows, changes may have been recorded unheard, and
    /// whoever keeps state from the published changes reads it afresh.
    /// </summary>
    public int Connections => Volatile.Read(ref _connections);

    private int _connections;

    /// <summary>Completes once the first <c>LISTEN</c> is in place (the host waits for it before it reports ready).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                // Until LISTEN is in place again a change may be recorded unheard: the cache must not answer for it.
                cache.Suspend();
                LiveLog.ListenFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var changes = System.Threading.Channels.Channel.CreateUnbounded<RoundChange>(new() { SingleReader = true });
        connection.Notification += (_, e) =>
        {
            if (RoundChange.Parse(e.Payload) is { } change)
            {
                changes.Writer.TryWrite(change);
            }
        };
        await using (var listen = new NpgsqlCommand($"listen {PostgresRoundNotifier.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever was recorded before this LISTEN (during a lost connection, or before the first) may be missing
        // from the cached responses: they start over from here.
        cache.Resume();
        Interlocked.Increment(ref _connections);
        _listening.TrySetResult();
        var publishing = PublishAsync(changes.Reader, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await connection.WaitAsync(stoppingToken);
            }
        }
        finally
        {
            changes.Writer.TryComplete();
            await publishing;
        }
    }

    private async Task PublishAsync(System.Threading.Channels.ChannelReader<RoundChange> changes, CancellationToken stoppingToken)
    {
        await foreach (var change in changes.ReadAllAsync(CancellationToken.None))
        {
            var replayed = await AwaitReplayAsync(change, stoppingToken);

            // A change recorded by another host makes this host's cached responses stale too.
            cache.Invalidate();
            try
            {
                await using var routed = await RoutedSession.OnAsync(
                    store,
                    await (replayed ? reads : dataSource).OpenConnectionAsync(stoppingToken),
                    stoppingToken);
                var session = routed.Session;
                var views = change.Version is { } version
                    ? await RoundTimeTravel.AsOfAsync(session, municipalities, change.Year, version, null, stoppingToken)
                    : null;
                if (views?.Round is { } round)
                {
                    Rounds.Publish(round);
                }

                if (change.Announces && views?.Award is { } award)
                {
                    Awards.Publish(award);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LiveLog.PublishFailed(log, change.Year, e);
            }
        }
    }

    /// <summary>
    /// Waits for the read database to replay the change: true once it has (or when reads go to the primary); past the
    /// bound, or when it cannot be asked, says so and answers false, and the change is read from the primary.
    /// </summary>
    private async Task<bool> AwaitReplayAsync(RoundChange change, CancellationToken stoppingToken)
    {
        // While the host reads the primary (no replica, or one gone or too far behind) there is nothing to wait for.
        if (change.Position is not { } position || !replay.ReadsReplicaNow)
        {
            return false;
        }

        try
        {
            var wait = await replay.WaitForAsync(position, stoppingToken);
            if (!wait.Replayed)
            {
                LiveLog.ReplayWaitExceeded(log, change.Year, position.ToString(), wait.Waited.TotalSeconds);
            }

            return wait.Replayed;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            LiveLog.ReplayUnknown(log, change.Year, e);
            return false;
        }
    }
}

using System.Diagnostics;
using System.Threading.Channels;
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
using NpgsqlTypes;

namespace Kvk.Graph.Live;

/// <summary>
/// Listens on PostgreSQL (<c>LISTEN kvk_rounds</c>, one dedicated connection, reconnecting after a failure) and
/// publishes the changed round, and the award when one was announced, to this host's subscribers. Every host
/// listens, and the notice is sent in the recording transaction, so a change committed by one host reaches the
/// subscribers of all of them. Besides, every <c>Kvk:Live:CatchUpSeconds</c> (5 by default) and whenever LISTEN is put
/// in place again, the host looks whether the store moved past the last sequence it knows of (one look at the end of an
/// index) and treats what it missed as if the notices had arrived: a change is never lost between hosts.
/// A host that reads from a replica first waits (at most <see cref="ReplicaSettings.MaxLag"/>) until the replica has
/// replayed the primary's WAL as it was when the change was heard of (necessarily after its commit), so that neither a
/// subscriber nor a response computed after the cache is cleared sees the state before it; the cache then knows the
/// data version its answers reflect. While the connection is lost the response cache is suspended, and it starts empty
/// once listening again. Each change is pushed as it left the round (its version, folded from the events), however many
/// changes are queued, once, and read where the public reads: from the read pool once it has replayed the change,
/// from the primary past the bound.
/// </summary>
public sealed class RoundChangeFeed(
    NpgsqlDataSource dataSource,
    [FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource reads,
    IDocumentStore store,
    MunicipalityDirectory municipalities,
    ResponseCache cache,
    ReplicaReplay replay,
    SharedEventResults shared,
    IConfiguration configuration,
    ILogger<RoundChangeFeed> log) : BackgroundService
{
    /// <summary>How often a host looks for changes it heard no notice of, by default.</summary>
    public static readonly TimeSpan DefaultCatchUpInterval = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Notices as they arrive, and null for "look in the store"; one reader handles them in order.
    private readonly Channel<RoundChange?> _work = Channel.CreateUnbounded<RoundChange?>(new() { SingleReader = true });

    // The handler's own state: the highest store sequence acted on (null until first looked up), and each round's
    // version last published, so that a change heard twice (its notice and a catch-up) is pushed once.
    private long? _seen;
    private readonly Dictionary<int, long> _published = [];

    // Completed once the store was looked at after a LISTEN was put in place.
    private TaskCompletionSource? _caughtUp;

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

    private TimeSpan CatchUpInterval => configuration.GetValue<double?>("Kvk:Live:CatchUpSeconds") is { } seconds
        ? (seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new InvalidOperationException($"Kvk:Live:CatchUpSeconds must be positive, not {seconds}."))
        : DefaultCatchUpInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = CatchUpInterval;
        var handling = HandleAsync(stoppingToken);
        var ticking = TickAsync(interval, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                // Until LISTEN is in place again a change may be recorded unheard: the cache must not answer for it.
                cache.Suspend();
                LiveLog.ListenFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        _work.Writer.TryComplete();
        await Task.WhenAll(handling, ticking);
    }

    private async Task TickAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _work.Writer.TryWrite(null);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) =>
        {
            if (RoundChange.Parse(e.Payload) is { } change)
            {
                _work.Writer.TryWrite(change);
            }
        };
        await using (var listen = new NpgsqlCommand($"listen {RoundChangeNotice.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever was recorded before this LISTEN (during a lost connection, or before the first) may be missing
        // from the cached responses: they start over from here, and the subscribers are given what was missed.
        cache.Resume();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _caughtUp, caughtUp);
        _work.Writer.TryWrite(null);

        // Ready once it has looked too: the look's first invalidation is over before the host answers from its cache.
        await caughtUp.Task.WaitAsync(stoppingToken);
        Interlocked.Increment(ref _connections);
        _listening.TrySetResult();
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    /// <summary>Handles what arrived, all that is queued at once: one look at the store, one wait for the replica, one invalidation.</summary>
    private async Task HandleAsync(CancellationToken stoppingToken)
    {
        while (await _work.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var changes = new List<RoundChange>();
            var lookInStore = false;
            while (_work.Reader.TryRead(out var item))
            {
                if (item is null)
                {
                    lookInStore = true;
                }
                else
                {
                    changes.Add(item);
                }
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await HandleAsync(changes, lookInStore, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                // Something may have changed that this host cannot tell: it keeps no answer from before, and looks again at the next tick.
                cache.Invalidate();
                LiveLog.CatchUpFailed(log, e);
            }
            finally
            {
                if (lookInStore)
                {
                    Interlocked.Exchange(ref _caughtUp, null)?.TrySetResult();
                }
            }
        }
    }

    private async Task HandleAsync(List<RoundChange> changes, bool lookInStore, CancellationToken stoppingToken)
    {
        var newest = changes.Select(c => c.Sequence ?? 0).DefaultIfEmpty().Max();
        if (lookInStore)
        {
            var latest = await StoredRoundChanges.LatestSequenceAsync(dataSource, stoppingToken);
            if (_seen is { } seen && latest > seen)
            {
                var missed = await StoredRoundChanges.AfterAsync(dataSource, seen, stoppingToken);
                var unheard = missed.Where(m => !changes.Any(c => c.Year == m.Year && c.Version >= m.Version)).ToList();
                if (unheard.Count > 0)
                {
                    var years = string.Join(", ", unheard.Select(m => m.Year));
                    LiveLog.CaughtUp(log, unheard.Count, years);
                }

                changes.AddRange(unheard.Select(m => new RoundChange(m.Year, m.EventKinds, m.Version, m.Sequence)));
            }

            newest = Math.Max(newest, latest);
        }

        if (changes.Count == 0 && _seen is { } known && newest <= known)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var replayed = await AwaitReplayAsync(changes, stoppingToken);
        var replayMilliseconds = clock.Elapsed.TotalMilliseconds;
        _seen = Math.Max(_seen ?? 0, newest);

        // A change recorded by another host makes this host's cached responses stale too. What is computed from here on
        // reflects what the read database replayed; past the wait nothing newer is promised.
        cache.Invalidate(replayed ? _seen : null);
        var fresh = changes.Where(Unpublished).ToList();
        if (fresh.Count > 0 && Rounds.Count + Awards.Count > 0)
        {
            var subscribers = Rounds.Count + Awards.Count;
            var handOver = await PublishAsync(fresh, replayed, stoppingToken);
            if (log.IsEnabled(LogLevel.Information))
            {
                var (years, total) = (string.Join(", ", fresh.Select(c => c.Year).Distinct()), clock.Elapsed.TotalMilliseconds);
                var read = total - replayMilliseconds - handOver.TotalMilliseconds;
                LiveLog.Pushed(log, years, subscribers, total, replayMilliseconds, read, handOver.TotalMilliseconds);
            }
        }

        foreach (var change in fresh)
        {
            _published[change.Year] = Math.Max(_published.GetValueOrDefault(change.Year), change.Version ?? 0);
        }
    }

    private bool Unpublished(RoundChange change) => change.Version is not { } version || version > _published.GetValueOrDefault(change.Year);

    /// <returns>How long handing the changes to the subscribers took, of the whole (the rest is reading them).</returns>
    private async Task<TimeSpan> PublishAsync(IReadOnlyList<RoundChange> changes, bool replayed, CancellationToken stoppingToken)
    {
        var handOver = new Stopwatch();
        try
        {
            await using var routed = await RoutedSession.OnAsync(
                store,
                await (replayed ? reads : dataSource).OpenConnectionAsync(stoppingToken),
                stoppingToken);
            foreach (var change in changes.OrderBy(c => c.Sequence))
            {
                var views = change.Version is { } version
                    ? await RoundTimeTravel.AsOfAsync(routed.Session, municipalities, change.Year, version, null, stoppingToken)
                    : null;
                handOver.Start();
                if (views?.Round is { } round)
                {
                    Rounds.Publish(round);
                }

                if (change.Announces && views?.Award is { } award)
                {
                    Awards.Publish(award);
                }

                handOver.Stop();
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            var years = string.Join(", ", changes.Select(c => c.Year));
            LiveLog.PublishFailed(log, years, e);
        }

        return handOver.Elapsed;
    }

    /// <summary>
    /// Waits for the read database to replay the primary's WAL as it is now (after the commits heard of): true once it has
    /// (or when reads go to the primary); past the bound, or when it cannot be asked, says so and answers false, and the
    /// changes are read from the primary.
    /// </summary>
    private async Task<bool> AwaitReplayAsync(List<RoundChange> changes, CancellationToken stoppingToken)
    {
        if (!replay.Settings.ReadsFromReplica)
        {
            return true;
        }

        // While the host reads the primary (the replica gone or too far behind) there is nothing to wait for: the
        // changes are read from the primary.
        if (!replay.ReadsReplicaNow)
        {
            return false;
        }

        try
        {
            // The insert position, not the write position: with synchronous_commit off the commit record may be
            // inserted but not yet written, and a replica would reach the write position before the commit.
            await using var command = dataSource.CreateCommand("select pg_current_wal_insert_lsn()");
            var position = (NpgsqlLogSequenceNumber)(await command.ExecuteScalarAsync(stoppingToken))!;
            var wait = await replay.WaitForAsync(position, stoppingToken);
            if (!wait.Replayed)
            {
                var years = changes.Count == 0 ? "(none heard of)" : string.Join(", ", changes.Select(c => c.Year).Distinct());
                LiveLog.ReplayWaitExceeded(log, years, position.ToString(), wait.Waited.TotalSeconds);
            }

            return wait.Replayed;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            LiveLog.ReplayUnknown(log, e);
            return false;
        }
    }
}

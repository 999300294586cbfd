using System.Collections.Concurrent;
using Kvk.Domain.Rounds;
using Kvk.Graph.Live;
using Kvk.Storage.Programmes;
using Kvk.Storage.PublicLog;
using Kvk.Storage.Rounds;
using Marten;
using Npgsql;

namespace Kvk.Graph.Secretariat.Scheduling;

/// <summary>
/// Announces a round's award at the moment its announcement was scheduled for, exactly once however many hosts run.
/// Every host knows the scheduled moments from the change feed (read from the database at start and whenever the feed
/// connects again, when a change may have gone unheard), so that waiting costs the database nothing; each
/// <see cref="Interval"/> it looks for a moment that is due, and for a due round it takes a PostgreSQL advisory
/// lock on the round for one transaction (a host that does not get it leaves the round to the one that did), and
/// records the announcement at the round's version it read, so that a round that moved meanwhile (announced by
/// another host, rescheduled, cancelled) is left alone; and the rules refuse a second announcement in any case.
/// </summary>
public sealed class ScheduledAnnouncer(
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    RoundRecorder recorder,
    RoundChangeFeed feed,
    ILogger<ScheduledAnnouncer> log) : BackgroundService
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> _scheduled = new();
    private int _readAtConnection = -1;

    /// <summary>Who the history says announced it.</summary>
    public const string Actor = PublicLogActors.Scheduler;

    /// <summary>How late after its moment an announcement may happen at most (besides the time a host takes to record it).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Keeps this lock's keys apart from other advisory locks on the database (Marten's daemon takes its own).</summary>
    private const int LockNamespace = 0x4B766B;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changes = feed.Rounds.Subscribe(new Changes(this));
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await AnnounceDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed check (the database away for a moment) must not stop the host: the next tick tries again.
                SchedulingLog.CheckFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task AnnounceDueAsync(CancellationToken cancellationToken)
    {
        if (feed.Connections is var connection && connection != _readAtConnection)
        {
            await using var session = store.QuerySession();
            Know(await session.Query<RoundView>().Where(r => r.ScheduledAnnouncement != null).ToListAsync(cancellationToken));
            _readAtConnection = connection;
        }

        var now = DateTimeOffset.UtcNow;
        var due = _scheduled.Where(s => s.Value <= now).Select(s => s.Key).ToList();
        if (due.Count == 0)
        {
            return;
        }

        await using var query = store.QuerySession();
        var rounds = await query.Query<RoundView>().Where(r => r.ScheduledAnnouncement != null).ToListAsync(cancellationToken);
        Know(rounds);
        foreach (var round in rounds.Where(r => due.Contains(r.Year) && IsDue(r, now)))
        {
            await AnnounceAsync(round, cancellationToken);
        }
    }

    private static bool IsDue(RoundView round, DateTimeOffset now) =>
        round.Programme == AwardProgramme.Main && round.Status != RoundStatus.Announced && round.ScheduledAnnouncement <= now;

    private void Know(IEnumerable<RoundView> rounds)
    {
        foreach (var round in rounds)
        {
            Know(round);
        }
    }

    private void Know(RoundView round)
    {
        if (round.Programme != AwardProgramme.Main)
        {
            return;
        }

        if (round.ScheduledAnnouncement is { } at && round.Status != RoundStatus.Announced)
        {
            _scheduled[round.Year] = at;
        }
        else
        {
            _scheduled.TryRemove(round.Year, out _);
        }
    }

    /// <summary>Every change of a round, as the feed publishes it: its scheduled moment, if any, is known from it.</summary>
    private sealed class Changes(ScheduledAnnouncer announcer) : IObserver<RoundView>
    {
        public void OnNext(RoundView value) => announcer.Know(value);

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private async Task AnnounceAsync(RoundView round, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select pg_try_advisory_xact_lock($1, $2)", connection, transaction);
        command.Parameters.AddWithValue(LockNamespace);
        command.Parameters.AddWithValue(round.Year);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return;
        }

        var at = round.ScheduledAnnouncement!.Value;
        var result = await recorder.RecordAsync(
            new AnnounceAward(round.Year, at, AskedAt: DateTimeOffset.UtcNow),
            Actor,
            round.Version,
            cancellationToken: cancellationToken);
        if (result.Status == RecordingStatus.Accepted)
        {
            SchedulingLog.Announced(log, round.Year, at);
        }

        // The lock is the transaction's: it ends here, after the announcement was committed by the recorder's own session.
        await transaction.CommitAsync(cancellationToken);
    }
}

public static partial class SchedulingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Announced the {Year} award as scheduled for {At}")]
    public static partial void Announced(ILogger logger, int year, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for due announcements; trying again shortly")]
    public static partial void CheckFailed(ILogger logger, Exception exception);
}

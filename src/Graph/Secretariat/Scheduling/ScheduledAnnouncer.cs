using Kvk.Domain.Rounds;
using Kvk.Storage.Programmes;
using Kvk.Storage.Rounds;
using Marten;
using Npgsql;

namespace Kvk.Graph.Secretariat.Scheduling;

/// <summary>
/// Announces a round's award at the moment its announcement was scheduled for, exactly once however many hosts run.
/// Every host looks for due announcements each <see cref="Interval"/>; for a due round it takes a PostgreSQL advisory
/// lock on the round for one transaction (a host that does not get it leaves the round to the one that did), and
/// records the announcement at the round's version it read, so that a round that moved meanwhile (announced by
/// another host, rescheduled, cancelled) is left alone; and the rules refuse a second announcement in any case.
/// </summary>
public sealed class ScheduledAnnouncer(IDocumentStore store, NpgsqlDataSource dataSource, RoundRecorder recorder, ILogger<ScheduledAnnouncer> log) : BackgroundService
{
    /// <summary>Who the history says announced it.</summary>
    public const string Actor = "schemalagt tillkännagivande";

    /// <summary>How late after its moment an announcement may happen at most (besides the time a host takes to record it).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Keeps this lock's keys apart from other advisory locks on the database (Marten's daemon takes its own).</summary>
    private const int LockNamespace = 0x4B766B;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
        var now = DateTimeOffset.UtcNow;
        await using var query = store.QuerySession();
        var scheduled = await query.Query<RoundView>().Where(r => r.ScheduledAnnouncement != null).ToListAsync(cancellationToken);
        foreach (var round in scheduled.Where(r => r.Programme == AwardProgramme.Main && r.ScheduledAnnouncement <= now && r.Status != RoundStatus.Announced))
        {
            await AnnounceAsync(round, cancellationToken);
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
        var result = await recorder.RecordAsync(new AnnounceAward(round.Year, at, AskedAt: DateTimeOffset.UtcNow), Actor, round.Version, cancellationToken: cancellationToken);
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

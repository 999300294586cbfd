using System.Diagnostics;
using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Store;
using Npgsql;

namespace Kvk.Graph.Replication;

/// <summary>
/// Whether the read pool holds a data version yet (read-your-writes): the event of that sequence is visible there, and
/// with it everything its transaction committed (the read model is projected inline). Polls for at most
/// <see cref="ReplicaSettings.MaxLag"/>; reads that go to the primary hold every version at once.
/// </summary>
public sealed class ReplicaFreshness(ReplicaReplay replay, [FromKeyedServices(ReadStore.DataSourceKey)] NpgsqlDataSource reads) : IReadFreshness
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(10);

    public async Task<bool> AwaitAsync(long version, CancellationToken cancellationToken)
    {
        if (!replay.Settings.ReadsFromReplica)
        {
            return true;
        }

        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(1);
        try
        {
            while (!await HoldsAsync(version, cancellationToken))
            {
                if (clock.Elapsed >= replay.Settings.MaxLag)
                {
                    return false;
                }

                await Task.Delay(pause, cancellationToken);
                pause = pause * 2 < LongestPoll ? pause * 2 : LongestPoll;
            }

            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // A read pool that cannot say cannot be trusted with the version either.
            return false;
        }
    }

    private async Task<bool> HoldsAsync(long version, CancellationToken cancellationToken)
    {
        await using var command = reads.CreateCommand($"select exists (select 1 from {KvkStoreOptions.SchemaName}.mt_events where seq_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

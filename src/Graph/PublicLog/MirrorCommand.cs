using Kvk.Storage.PublicLog;
using Marten;
using Npgsql;

namespace Kvk.Graph.PublicLog;

/// <summary>
/// <c>mirror &lt;URL|FILE&gt;</c>: copies another Kvk's public record into this one's database (<see cref="PublicLogMirror"/>),
/// checking its whole log on the way, so that this Kvk serves the same record under the same data version. Run it again
/// (by hand or from cron) to follow the source; a host serving this database hears of each round it changed (in the copy's
/// transaction).
/// </summary>
public static class MirrorCommand
{
    /// <returns>0 when the record was copied; 1 when the source's log does not verify, does not continue this one's, or cannot be read.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string source, TextWriter output, CancellationToken cancellationToken)
    {
        using var log = new PublicLogSource(source);
        MirrorOutcome outcome;
        try
        {
            var mirror = new PublicLogMirror(services.GetRequiredService<IDocumentStore>(), services.GetRequiredService<NpgsqlDataSource>());
            outcome = await mirror.ApplyAsync(log.LinesAsync(cancellationToken), cancellationToken);
        }
        catch (MirrorRefusedException e)
        {
            await output.WriteLineAsync($"Nothing was copied. {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Nothing was copied: cannot read {source}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync(
            $"Mirrored {source}: {outcome.Added} new entries, {outcome.Applied} events recorded, {outcome.Held} waiting for their announcement; " +
            $"data version {outcome.DataVersion}.");
        return 0;
    }
}

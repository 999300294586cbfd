using Kvk.Domain.Municipalities;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Kvk.Storage.Store;

/// <summary>
/// Rebuilds the read model from every stored event. All of Kvk's projections fold one stream at a
/// time, so the rebuild reads the events a batch of streams at a time, folds them in memory with the
/// projections' own <c>Evolve</c> (<see cref="RoundViews.Fold"/>) and writes the documents with PostgreSQL's COPY. The read model is
/// empty while it runs: run it with the host stopped, or accept a moment without data.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, NpgsqlDataSource dataSource, MunicipalityDirectory municipalities)
{
    public const int StreamsPerBatch = 2000;

    /// <returns>The number of events projected.</returns>
    public async Task<long> RunAsync(IProgress<(long Events, long Total)> progress, CancellationToken cancellationToken)
    {
        var total = await ScalarAsync("select count(*) from kvk.mt_events", cancellationToken);
        foreach (var type in new[] { typeof(RoundView), typeof(AwardView), typeof(NominationView) })
        {
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellationToken);
        }

        var projected = 0L;
        string? after = null;
        while (await NextStreamsAsync(after, cancellationToken) is { Count: > 0 } keys)
        {
            after = keys[^1];
            await using var session = store.QuerySession();
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey!.IsOneOf(keys.ToArray()))
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            var documents = new List<object>();
            foreach (var stream in events.GroupBy(e => e.StreamKey!))
            {
                var views = RoundViews.Fold(stream.Key, stream, municipalities);
                documents.AddIfNotNull(views.Round);
                documents.AddIfNotNull(views.Award);
                documents.AddRange(views.Nominations);
            }

            // Plain COPY: the tables were emptied above and every document's id derives from its one stream, so nothing
            // is overwritten (a clash would be a projection's bug, and fails the rebuild instead of hiding).
            await store.BulkInsertDocumentsAsync(documents, BulkInsertMode.InsertsOnly, 5000, cancellationToken);
            projected += events.Count;
            progress.Report((projected, total));
        }

        return projected;
    }

    private async Task<List<string>> NextStreamsAsync(string? after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select id from kvk.mt_streams where $1::text is null or id > $1 order by id " +
            $"limit {StreamsPerBatch}");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after ?? DBNull.Value });
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal static class DocumentListExtensions
{
    public static void AddIfNotNull(this List<object> documents, object? document)
    {
        if (document is not null)
        {
            documents.Add(document);
        }
    }
}

using System.Diagnostics;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Storage.Store;
using Marten;
using Npgsql;

namespace Kvk.Bench.Programmes;

/// <summary>
/// Fills a store that a host has prepared (schema, seed) with synthetic award programmes, through the
/// same Marten configuration as the host. The served programme, Sveriges KvalitetsKommun, is untouched;
/// the read model must be rebuilt afterwards (the host's <c>rebuild</c> command).
/// </summary>
public static class SyntheticAppend
{
    /// <returns>The events appended and the rate, in events a second.</returns>
    public static async Task<(long Events, double PerSecond)> RunAsync(string connectionString, long events, CancellationToken cancellationToken)
    {
        var municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var options = new StoreOptions();
        KvkStoreOptions.Configure(options, dataSource, municipalities);
        using var store = new DocumentStore(options);
        var clock = Stopwatch.StartNew();
        var appended = await new SyntheticImport(store, municipalities).AppendAsync(events, new Progress<long>(), cancellationToken);
        return (appended, appended / clock.Elapsed.TotalSeconds);
    }
}

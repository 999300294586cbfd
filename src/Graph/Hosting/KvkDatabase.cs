using Kvk.Graph.Hosting;
using Kvk.Storage.Store;

namespace Kvk.Graph.Hosting;

/// <summary>
/// The database the host uses: <c>ConnectionStrings:Kvk</c> when set, otherwise a PostgreSQL cluster of
/// its own under <c>.kvk/</c> in the working directory, stopped again when the host stops.
/// </summary>
public sealed class KvkDatabase : IAsyncDisposable
{
    private readonly LocalPostgres? _local;

    private KvkDatabase(string connectionString, LocalPostgres? local)
    {
        ConnectionString = connectionString;
        _local = local;
    }

    public string ConnectionString { get; }

    public bool IsLocal => _local is not null;

    public static async Task<KvkDatabase> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        if (configuration.GetConnectionString("Kvk") is { Length: > 0 } configured)
        {
            return new KvkDatabase(configured, null);
        }

        var directory = Path.Combine(Directory.GetCurrentDirectory(), ".kvk", "postgres");
        var local = await LocalPostgres.StartAsync(directory, cancellationToken: cancellationToken);
        return new KvkDatabase(local.ConnectionString, local);
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
    }
}

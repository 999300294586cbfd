using Kvk.Graph.Engine.Reading;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>
/// The database the host uses: <c>ConnectionStrings:Kvk</c> when set, otherwise a PostgreSQL cluster of
/// its own under <c>.kvk/</c> in the working directory, stopped again when the last process using it stops. A missing prerequisite of that
/// cluster is one sentence at start (<see cref="LocalPostgresUnavailableException"/>), never a stack trace later.
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

        var folder = Path.Combine(Directory.GetCurrentDirectory(), ".kvk");
        var local = await LocalPostgres.StartAsync(folder, cancellationToken: cancellationToken);
        try
        {
            await RequireSwedishCollationAsync(local.ConnectionString, cancellationToken);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }

        return new KvkDatabase(local.ConnectionString, local);
    }

    /// <summary>Text sorts with ICU's Swedish collation, which PostgreSQL has only when it was built with ICU.</summary>
    private static async Task RequireSwedishCollationAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select 1 from pg_collation where quote_ident(collname) = $1", connection);
        command.Parameters.AddWithValue(SqlColumn.SwedishCollation);
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new LocalPostgresUnavailableException(
                $"the installed PostgreSQL has no ICU collations (Kvk sorts Swedish text with {SqlColumn.SwedishCollation}): " +
                "install a PostgreSQL server built with ICU (Debian's postgresql package is) or set ConnectionStrings__Kvk to a database that has them.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }
    }
}

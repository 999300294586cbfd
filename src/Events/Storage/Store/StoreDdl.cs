using Npgsql;

namespace Kvk.Storage.Store;

/// <summary>
/// Runs a table's definition (its statements in one text) in one transaction: the tables Kvk keeps beside Marten's are
/// created or brought up to date this way at every start, each definition taking its own advisory lock first, so that
/// hosts starting together on one database take turns.
/// </summary>
public static class StoreDdl
{
    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ddl, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

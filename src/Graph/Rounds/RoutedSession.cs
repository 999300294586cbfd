using Kvk.Graph.Engine.Reading;
using Marten;
using Npgsql;

namespace Kvk.Graph.Rounds;

/// <summary>
/// A Marten query session on the operation's read route (<see cref="ReadStore"/>): the public's history and time travel
/// read the read pool (a replica, where one is configured) like every other public read; the secretariat's, the primary.
/// </summary>
public sealed class RoutedSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private RoutedSession(NpgsqlConnection connection, NpgsqlTransaction transaction, IQuerySession session)
    {
        _connection = connection;
        _transaction = transaction;
        Session = session;
    }

    public IQuerySession Session { get; }

    /// <summary>A session where the operation of <paramref name="services"/> reads.</summary>
    public static async Task<RoutedSession> OpenAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await OnAsync(
            services.GetRequiredService<IDocumentStore>(),
            await services.GetRequiredService<ReadStore>().OpenConnectionAsync(cancellationToken),
            cancellationToken);

    /// <summary>A session on <paramref name="connection"/>, which it disposes with itself.</summary>
    public static async Task<RoutedSession> OnAsync(IDocumentStore store, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Marten takes an outside connection only inside a transaction of the caller's; a read-only one, rolled back.
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var options = Marten.Services.SessionOptions.ForTransaction(transaction, shouldAutoCommit: false);
        return new RoutedSession(connection, transaction, store.QuerySession(options));
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

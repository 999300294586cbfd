using System.Buffers.Text;
using System.Security.Cryptography;
using Kvk.Storage.Rounds;
using Marten;
using Marten.Services;
using Npgsql;

namespace Kvk.Storage.PublicLog;

/// <summary>
/// A Marten session on a transaction of its own, whose <see cref="CommitAsync"/> saves what was appended, chains it into
/// the public log and commits both at once: no event of the main programme is committed without its entry, and no entry
/// without its event. The notice of each main-programme round it changed (<see cref="RoundChangeNotice"/>) goes in the same
/// transaction, so that every host hears of exactly what was committed.
/// </summary>
public sealed class ChainedSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ChainedSession(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentSession session)
    {
        _connection = connection;
        _transaction = transaction;
        Session = session;
    }

    public IDocumentSession Session { get; }

    public static async Task<ChainedSession> OpenAsync(IDocumentStore store, string actor, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // Not auto-committed: SaveChangesAsync leaves the transaction open for the chaining.
            var session = store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: false));
            session.LastModifiedBy = actor;
            return new ChainedSession(connection, transaction, session);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Saves the session's changes, chains the appended events and commits. A decision or revision without a salt gets a
    /// new one, 32 random bytes: a header beside the event, not a member of it, so the recorded facts keep their shape.
    /// </summary>
    /// <returns>The notices sent: each changed round's version and the store's sequence after the commit.</returns>
    public async Task<IReadOnlyList<RoundChangeNotice>> CommitAsync(CancellationToken cancellationToken)
    {
        var streams = Session.PendingChanges.Streams().ToList();
        var appended = streams.SelectMany(s => s.Events).ToList();
        foreach (var e in appended.Where(e => PublicLogWriter.IsSealed(e.Data) && e.GetHeader(PublicLogWriter.SaltHeader) is null))
        {
            e.SetHeader(PublicLogWriter.SaltHeader, NewSalt());
        }

        await Session.SaveChangesAsync(cancellationToken);
        await PublicLogWriter.ChainAsync(_transaction, [.. appended.Select(e => e.Sequence)], cancellationToken);
        var notices = RoundChangeNotice.Of(streams);
        await RoundChangeNotice.SendAsync(_transaction, notices, cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        return notices;
    }

    private static string NewSalt() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

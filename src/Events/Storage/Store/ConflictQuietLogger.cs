using JasperFx;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kvk.Storage.Store;

/// <summary>
/// The store's log, as Marten's own writes it (a failed command at Error with its exception, a schema change at
/// Information), except that a write losing to another at the same moment (a round's next version, a new stream's id or a
/// client mutation id taken first) is not logged as a failure with its stack trace: the recorder expects such a conflict,
/// decides again or answers it, and says so in a line of its own.
/// </summary>
public sealed partial class ConflictQuietLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    /// <summary>Whether <paramref name="exception"/> is a write that lost to a concurrent one on a key the recorder expects to race for.</summary>
    public static bool IsExpectedConflict(Exception exception) =>
        exception is ConcurrencyException
        || exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } constraint }
            && (constraint.Contains("mt_events", StringComparison.Ordinal)
                || constraint.Contains("mt_streams", StringComparison.Ordinal)
                || constraint.Contains("processedmutation", StringComparison.Ordinal))
        || (exception.InnerException is { } inner && IsExpectedConflict(inner));

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => SchemaChanged(logger, sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
        if (!IsExpectedConflict(ex))
        {
            Failed(logger, command.CommandText, ex);
        }
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        if (!IsExpectedConflict(ex))
        {
            Failed(logger, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)), ex);
        }
    }

    public void LogFailure(Exception ex, string message)
    {
        if (!IsExpectedConflict(ex))
        {
            FailedWith(logger, message, ex);
        }
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marten changed the schema: {Sql}")]
    private static partial void SchemaChanged(ILogger logger, string sql);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten encountered an exception executing {Sql}")]
    private static partial void Failed(ILogger logger, string sql, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Marten encountered an exception: {Message}")]
    private static partial void FailedWith(ILogger logger, string message, Exception exception);
}

using System.Diagnostics;
using Npgsql;

namespace Kvk.Graph.Tests.Support;

/// <summary>Counts the SQL statements Npgsql executes against one database while it is alive (through Npgsql's ActivitySource).</summary>
public sealed class SqlStatementCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly string _database;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();
    private int _count;

    public SqlStatementCounter(string connectionString)
    {
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal) && Equals(t.Value, _database))
                    && !activity.OperationName.StartsWith("CONNECT", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _count);
                    _statements.Enqueue(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>What was counted, for a failing assertion's message.</summary>
    public string Statements => string.Join(Environment.NewLine, _statements);

    public void Dispose() => _listener.Dispose();
}

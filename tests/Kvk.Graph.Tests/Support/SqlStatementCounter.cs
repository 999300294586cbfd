using System.Diagnostics;
using Npgsql;

namespace Kvk.Graph.Tests.Support;

/// <summary>
/// Counts the SQL statements Npgsql executes against one database for HTTP requests while it is alive (through Npgsql's
/// ActivitySource): a statement of the host's own background work (the scheduled announcer, the change feed) runs
/// outside any request and is not the request's cost.
/// </summary>
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
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql"
                    && InRequest(activity)
                    && activity.TagObjects.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal) && Equals(t.Value, _database))
                    && !activity.OperationName.StartsWith("CONNECT", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _count);
                    _statements.Enqueue(activity.GetTagItem("db.query.text") as string
                        ?? activity.GetTagItem("db.statement") as string
                        ?? activity.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    private static bool InRequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == "Microsoft.AspNetCore")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What was counted, for a failing assertion's message.</summary>
    public string Statements => string.Join(Environment.NewLine, _statements);

    public void Dispose() => _listener.Dispose();
}

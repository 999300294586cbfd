using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Kvk.Graph.Engine.Reading;

public static class DataSources
{
    /// <summary>
    /// The host's shared connection pool (Marten's, the change feed's, the health checks'). Without automatic
    /// preparation: Npgsql's auto-prepared statements can be left out of step with the server by a statement
    /// that fails (a refused parameter, a conflict inside a batch), and the connection then hands the next
    /// command another command's rows. Marten's statements are few and the writes rare; they need no preparing.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 0;
        AddOptions(builder, "-c jit=off");
        return builder.Build();
    }

    /// <summary>
    /// The read path's own pool. Its connections only ever run plain SELECTs and leave no session state
    /// behind, so they skip the reset Npgsql otherwise runs on every return to the pool (RESET ALL,
    /// DISCARD …): measured, that reset cost more PostgreSQL time than the read it followed. The read path
    /// sends the same few statement shapes over and over, so Npgsql prepares the frequent ones on each
    /// connection, and they keep one plan per prepared statement: parameters are values within the served
    /// programme, so a plan made for one value suits the others. PostgreSQL does not compile a read with its
    /// JIT (seconds for a large filter that runs in milliseconds without it), and gives up on a statement
    /// after <paramref name="statementTimeout"/>, the execution timeout, should the host's own cancellation not reach it.
    /// </summary>
    public static NpgsqlDataSource CreateForReads(string connectionString, TimeSpan statementTimeout)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;

        // A replica that hangs may not even complete a TCP handshake (its listen queue full), and a connection attempt
        // does not heed cancellation: bounded here, by as long as a read waits for the replica.
        if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Timeout"))
        {
            builder.ConnectionStringBuilder.Timeout = (int)ReadStore.ReplicaPatience.TotalSeconds;
        }

        // A read given up on (the operation's timeout, the replica's patience) breaks its connection at once instead of
        // waiting for the server to confirm the cancellation, which a hung server never does.
        builder.ConnectionStringBuilder.CancellationTimeout = -1;

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        AddOptions(
            builder,
            string.Create(
                CultureInfo.InvariantCulture,
                $"-c plan_cache_mode=force_generic_plan -c jit=off -c statement_timeout={(int)statementTimeout.TotalMilliseconds}"));
        builder.ConnectionStringBuilder.ApplicationName ??= "kvk-reads";
        return builder.Build();
    }

    private static void AddOptions(NpgsqlDataSourceBuilder builder, string options) =>
        builder.ConnectionStringBuilder.Options = $"{builder.ConnectionStringBuilder.Options} {options}".Trim();
}

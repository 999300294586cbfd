using Npgsql;

namespace Kvk.Graph.Hosting;

public static class ReadDataSource
{
    /// <summary>
    /// The host's shared connection pool (Marten's, the change feed's, the health checks'). The read path
    /// sends the same few statement shapes over and over, so Npgsql prepares the frequent ones on each
    /// connection and PostgreSQL plans them once, unless the connection string says otherwise.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString) => Builder(connectionString).Build();

    /// <summary>
    /// The read path's own pool, on the streaming replica when <c>ConnectionStrings:KvkRead</c> names one.
    /// Its connections only ever run plain SELECTs and leave no session state
    /// behind, so they skip the reset Npgsql otherwise runs on every return to the pool (RESET ALL,
    /// DISCARD …): measured, that reset cost more PostgreSQL time than the read it followed. And they
    /// keep one plan per prepared statement: its parameters are values within the served programme,
    /// so a plan made for one value suits the others, and planning anew for every search's text took
    /// longer than running the search.
    /// </summary>
    public static NpgsqlDataSource CreateForReads(string connectionString)
    {
        var builder = Builder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.Options = $"{builder.ConnectionStringBuilder.Options} -c plan_cache_mode=force_generic_plan".Trim();
        builder.ConnectionStringBuilder.ApplicationName ??= "kvk-reads";
        return builder.Build();
    }

    private static NpgsqlDataSourceBuilder Builder(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder;
    }
}

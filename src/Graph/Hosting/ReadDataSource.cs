using Npgsql;

namespace Kvk.Graph.Hosting;

public static class ReadDataSource
{
    /// <summary>
    /// The one connection pool of the host (Marten's and the read path's). The read path sends the same
    /// few statement shapes over and over, so Npgsql prepares the frequent ones on each connection and
    /// PostgreSQL plans them once, unless the connection string says otherwise.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 100;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}

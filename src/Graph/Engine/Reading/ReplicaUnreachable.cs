using System.Net.Sockets;
using Npgsql;

namespace Kvk.Graph.Engine.Reading;

/// <summary>
/// Whether a failure says the read database cannot be reached (refused, reset, gone mid-statement, shutting down or
/// starting up), as opposed to a statement it refused or that ran out of time: only the first is worth the primary.
/// </summary>
public static class ReplicaUnreachable
{
    public static bool Is(NpgsqlException failure) => failure switch
    {
        // Connection exceptions (08…), and the server shutting down, crashed or not yet accepting connections (57P01-03).
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03",
        { InnerException: SocketException or IOException } => true,
        _ => false,
    };
}

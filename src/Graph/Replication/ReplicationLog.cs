namespace Kvk.Graph.Replication;

/// <summary>The replica monitor's log messages, compiled once.</summary>
public static partial class ReplicationLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Public reads go to the primary: {Reason}")]
    public static partial void ReadsFromPrimary(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Public reads go to the replica again: {Reason}")]
    public static partial void ReadsFromReplica(ILogger logger, string reason);
}

namespace Kvk.Graph.Secretariat.Credentials;

/// <summary>The credentials' log messages, compiled once.</summary>
public static partial class CredentialLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for credential changes failed; reconnecting (meanwhile credentials are read again every " +
        "few seconds)")]
    public static partial void ListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The credentials could not be read; credentials issued in the database are refused until they can")]
    public static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not note the last use of credential {Id}")]
    public static partial void TouchFailed(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No secretariat credential: this host has no configured secretariat token and no issued, unexpired, " +
        "unrevoked secretariat credential, so nothing can be recorded. Issue one with `dotnet run --project src/Graph -- secretariat issue --name " +
        "\"<name>\" --expires <yyyy-mm-dd>` (docs/secretariat.md).")]
    public static partial void NoSecretariatCredential(ILogger logger);
}

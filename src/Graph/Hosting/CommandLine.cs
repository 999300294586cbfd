namespace Kvk.Graph.Hosting;

/// <summary>
/// Splits the host's arguments: a leading command (<c>rebuild</c>, <c>verify</c>) and the rest, which configure the
/// host as usual (<c>--urls</c>, <c>--ConnectionStrings:Kvk=…</c>), or for <c>verify</c> name what to verify.
/// </summary>
public sealed record CommandLine(string? Command, string[] HostArguments)
{
    /// <summary>
    /// Whether this process serves (no command). Every command, present and to come, is an operator's errand beside a
    /// host that may be serving from the same folder: it uses the database and leaves the host's things alone (the
    /// development secretariat token).
    /// </summary>
    public bool Serves => Command is null;

    public static CommandLine Parse(string[] args) =>
        args is ["rebuild" or "verify", .. var rest] ? new CommandLine(args[0], rest) : new CommandLine(null, args);
}

namespace Kvk.Graph.Hosting;

/// <summary>
/// Splits the host's arguments: a leading command (<c>rebuild</c>, <c>secretariat</c>) and the rest, which configure the
/// host as usual (<c>--urls</c>, <c>--ConnectionStrings:Kvk=…</c>; <c>secretariat</c> takes its own options from them).
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
        args is ["rebuild" or SecretariatCommand.Name, .. var rest] ? new CommandLine(args[0], rest) : new CommandLine(null, args);
}

namespace Kvk.Graph.Hosting;

/// <summary>
/// Splits the host's arguments: a leading command (<c>rebuild</c>, <c>secretariat</c>) and the rest, which configure the
/// host as usual (<c>--urls</c>, <c>--ConnectionStrings:Kvk=…</c>; <c>secretariat</c> takes its own options from them).
/// </summary>
public sealed record CommandLine(string? Command, string[] HostArguments)
{
    public static CommandLine Parse(string[] args) =>
        args is ["rebuild" or SecretariatCommand.Name, .. var rest] ? new CommandLine(args[0], rest) : new CommandLine(null, args);
}

namespace Kvk.Graph.Commands;

/// <summary>
/// Splits the host's arguments: a leading command (<c>generate</c>, <c>rebuild</c>) and its own
/// options, and the rest, which configure the host as usual (<c>--urls</c>, <c>--ConnectionStrings:Kvk=…</c>).
/// </summary>
public sealed record CommandLine(string? Command, string[] CommandArguments, string[] HostArguments)
{
    public static CommandLine Parse(string[] args)
    {
        if (args is not ["generate" or "rebuild", ..])
        {
            return new CommandLine(null, [], args);
        }

        var rest = args[1..];
        var events = Array.IndexOf(rest, "--events");
        return events >= 0 && events + 1 < rest.Length
            ? new CommandLine(args[0], rest[events..(events + 2)], [.. rest[..events], .. rest[(events + 2)..]])
            : new CommandLine(args[0], [], rest);
    }
}

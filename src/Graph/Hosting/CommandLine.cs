namespace Kvk.Graph.Hosting;

/// <summary>
/// Splits the host's arguments: a leading command (<c>rebuild</c>; <c>verify</c> and <c>mirror</c> with what they read)
/// and the rest, which configure the host as usual (<c>--urls</c>, <c>--ConnectionStrings:Kvk=…</c>).
/// </summary>
/// <param name="Argument">What <c>verify</c> or <c>mirror</c> reads: a Kvk's address or a file of its log; null when missing.</param>
public sealed record CommandLine(string? Command, string[] HostArguments, string? Argument = null)
{
    /// <summary>
    /// Whether this process serves (no command). Every command, present and to come, is an operator's errand beside a
    /// host that may be serving from the same folder: it uses the database and leaves the host's things alone (the
    /// development secretariat token, the first start's import of the award history).
    /// </summary>
    public bool Serves => Command is null;

    public static CommandLine Parse(string[] args) => args switch
    {
        ["rebuild", .. var rest] => new CommandLine("rebuild", rest),
        ["verify" or "mirror", var source, .. var rest] when !source.StartsWith("--", StringComparison.Ordinal) => new CommandLine(args[0], rest, source),
        ["verify" or "mirror", .. var rest] => new CommandLine(args[0], rest),
        _ => new CommandLine(null, args),
    };
}

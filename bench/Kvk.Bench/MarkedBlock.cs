namespace Kvk.Bench;

/// <summary>
/// A block of figures a run writes into BENCHMARKS.md between two marker comments, replacing what the last run wrote
/// there and leaving the prose around it alone.
/// </summary>
public sealed record MarkedBlock(string Begin, string End, string Heading)
{
    /// <summary>Replaces the figures between the markers in the file; appends the section under its heading when it has none.</summary>
    public void WriteInto(string path, string figures)
    {
        var text = File.ReadAllText(path);
        var block = $"{Begin}\n{figures.TrimEnd()}\n{End}";
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? text[..start] + block + text[(end + End.Length)..]
            : text.TrimEnd() + $"\n\n## {Heading}\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}

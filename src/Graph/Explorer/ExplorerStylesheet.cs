using System.Security.Cryptography;

namespace Kvk.Graph.Explorer;

/// <summary>
/// The explorer's one stylesheet, embedded in the assembly, and the address the pages name it by: its content's hash, so
/// that a changed stylesheet is a new address. Every HTML page the host renders in the explorer's layout (the feeds' pages
/// of a missing municipality too) names it so.
/// </summary>
public static class ExplorerStylesheet
{
    public const string Path = "/explorer.css";

    private static readonly Lazy<byte[]> Content = new(Load);

    private static readonly Lazy<string> Hash = new(() => Convert.ToHexStringLower(SHA256.HashData(Content.Value))[..12]);

    public static byte[] Bytes => Content.Value;

    /// <summary>The value of the address's <c>v</c>: the first 12 hex digits of the stylesheet's SHA-256.</summary>
    public static string Version => Hash.Value;

    public static string Address => $"{Path}?v={Version}";

    private static byte[] Load()
    {
        using var stream = typeof(ExplorerStylesheet).Assembly.GetManifestResourceStream("Kvk.Explorer.explorer.css")
            ?? throw new InvalidOperationException("The explorer's stylesheet is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

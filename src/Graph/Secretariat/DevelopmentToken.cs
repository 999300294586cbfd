using System.Security.Cryptography;
using Kvk.Graph.Hosting;

namespace Kvk.Graph.Secretariat;

/// <summary>
/// The secretariat token of a development host that has none configured, kept in <c>.kvk/secretariat-token</c>. The first
/// serving host in a folder makes it and every later one reuses it: a second host, or a restart, leaves the token a
/// developer copied valid. Delete the file for a new one.
/// </summary>
internal static class DevelopmentToken
{
    public static string ReadOrCreate(string path)
    {
        if (Read(path) is { } kept)
        {
            OwnerOnlyFile.Restrict(path);
            return kept;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var draft = $"{path}.{Guid.NewGuid():N}";
        using (var writer = new StreamWriter(OwnerOnlyFile.Create(draft)))
        {
            writer.Write(generated + "\n");
        }

        try
        {
            // Moved in whole, and only where there is no token (or a blank file): two hosts starting at once agree on one.
            File.Move(draft, path, overwrite: File.Exists(path));
            return generated;
        }
        catch (IOException)
        {
            File.Delete(draft);
            return Read(path) ?? throw new InvalidOperationException($"{path} could not be written.");
        }
    }

    private static string? Read(string path) => File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null;
}

using System.Security.Cryptography;
using System.Text;

namespace Kvk.Graph.Hosting;

/// <summary>
/// Where a local cluster's data lives. Its place is <c>FOLDER/postgres</c>; but as root the server runs as the
/// <c>postgres</c> user, who cannot enter a directory such as /root (mode 0700), the most common place of a fresh clone
/// in a container or VM. Kvk does not open the user's home to others: the data then lives under
/// <see cref="ElsewhereRoot"/>, which the server can enter, and <c>FOLDER/postgres</c> is a symbolic link to it, so that
/// the folder stays the one place to look.
/// </summary>
public static class LocalPostgresPlacement
{
    public const string ElsewhereRoot = "/var/lib/kvk";

    /// <summary>The data directory the server runs, made ready for it (the link followed, the owner set).</summary>
    public static async Task<string> DataDirectoryAsync(string folder, PostgresTools tools, CancellationToken cancellationToken)
    {
        var place = Path.Combine(folder, LocalPostgres.DataFolderName);
        var data = await ChooseAsync(folder, place, tools, cancellationToken);
        Directory.CreateDirectory(data);
        await tools.HandOverAsync(data, cancellationToken);
        return data;
    }

    private static async Task<string> ChooseAsync(string folder, string place, PostgresTools tools, CancellationToken cancellationToken)
    {
        if (new DirectoryInfo(place).LinkTarget is { } target)
        {
            return Path.GetFullPath(target, folder);
        }

        if (await tools.ServerCanEnterAsync(folder, cancellationToken))
        {
            return place;
        }

        if (Directory.Exists(place))
        {
            // An earlier version made the directory and then failed at initdb: nothing in it to keep.
            if (Directory.EnumerateFileSystemEntries(place).Any())
            {
                throw new LocalPostgresUnavailableException(
                    $"the PostgreSQL user '{PostgresTools.SystemUser}' cannot enter {folder}, where the cluster {place} lives: move that directory to " +
                    $"{ElsewhereRoot}/ and leave a symbolic link to it in its place (ln -s), or start Kvk from a directory " +
                        $"'{PostgresTools.SystemUser}' can enter.");
            }

            Directory.Delete(place);
        }

        Directory.CreateDirectory(ElsewhereRoot);
        var elsewhere = FreePlace(Slug(folder));
        Directory.CreateDirectory(elsewhere);
        Directory.CreateSymbolicLink(place, elsewhere);
        return elsewhere;
    }

    /// <summary>
    /// The first directory of that name that is empty or missing. One that holds a cluster but has no link to it is
    /// left by a folder at the same path that was deleted (a clone removed and made again): its passwords went with
    /// that folder, so it cannot be used, and it is left for its owner to remove rather than deleted by a start.
    /// </summary>
    private static string FreePlace(string slug)
    {
        for (var n = 1; ; n++)
        {
            var candidate = Path.Combine(ElsewhereRoot, n == 1 ? slug : $"{slug}-{n}");
            if (!Directory.Exists(candidate) || !Directory.EnumerateFileSystemEntries(candidate).Any())
            {
                return candidate;
            }
        }
    }

    /// <summary>The project's directory name and a hash of the folder's path: two clones never share a cluster.</summary>
    private static string Slug(string folder)
    {
        var project = Path.GetFileName(Path.GetDirectoryName(folder)) is { Length: > 0 } name ? name : "kvk";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folder)))[..12];
        return $"{project}-{hash}";
    }
}

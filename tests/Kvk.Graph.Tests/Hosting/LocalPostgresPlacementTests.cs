using Kvk.Graph.Hosting;


namespace Kvk.Graph.Tests.Hosting;

/// <summary>Where a local cluster lives when the folder is deleted and made again at the same path (a clone removed and cloned anew).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LocalPostgresPlacementTests
{
    [Fact]
    public async Task A_folder_made_again_at_the_path_of_a_deleted_one_gets_an_empty_place_and_the_old_cluster_is_left_alone()
    {
        var tools = await PostgresTools.FindAsync(CancellationToken.None);
        var parent = Directory.CreateTempSubdirectory("kvk-placement-");
        var home = Path.Combine(parent.FullName, "home");
        Directory.CreateDirectory(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var folder = Path.Combine(home, "kvk", ".kvk");
        var places = new List<string>();
        try
        {
            Directory.CreateDirectory(folder);
            var first = await LocalPostgresPlacement.DataDirectoryAsync(folder, tools, CancellationToken.None);
            places.Add(first);
            await File.WriteAllTextAsync(Path.Combine(first, "PG_VERSION"), "15\n");

            Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            var second = await LocalPostgresPlacement.DataDirectoryAsync(folder, tools, CancellationToken.None);
            places.Add(second);

            Assert.Empty(Directory.EnumerateFileSystemEntries(second));
            if (Environment.IsPrivilegedProcess)
            {
                Assert.NotEqual(first, second);
                Assert.True(File.Exists(Path.Combine(first, "PG_VERSION")), "The cluster left behind was deleted.");
            }
        }
        finally
        {
            parent.Delete(recursive: true);
            foreach (var place in places.Where(p => p.StartsWith(LocalPostgresPlacement.ElsewhereRoot + "/", StringComparison.Ordinal) && Directory.Exists(p)))
            {
                Directory.Delete(place, recursive: true);
            }
        }
    }
}

namespace Kvk.Graph.Tests.Support;

/// <summary>Paths in the repository the tests run from (found by its Kvk.sln, wherever the build put the tests).</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Kvk.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Kvk.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// Where a browser test saves a screenshot: the repository's docs/ (which the guides show) when
    /// <c>KVK_WRITE_SCREENSHOTS=1</c>, otherwise a temporary folder, so that a test run leaves the working tree as it found it.
    /// </summary>
    public static string ScreenshotPath(string file)
    {
        var folder = Environment.GetEnvironmentVariable("KVK_WRITE_SCREENSHOTS") == "1"
            ? Path.Combine(Root, "docs")
            : Path.Combine(Path.GetTempPath(), $"kvk-screenshots-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }
}

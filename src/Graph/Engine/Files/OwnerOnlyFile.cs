namespace Kvk.Graph.Engine.Files;

/// <summary>Files with secrets in them (passwords, a dump of the read model): readable and writable by their owner alone (0600).</summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the file with mode 0600 from the start, so that it is never readable by others.</summary>
    public static FileStream Create(string path) => OperatingSystem.IsWindows()
        ? new FileStream(path, FileMode.CreateNew, FileAccess.Write)
        : new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Mode });

    /// <summary>Takes away what others may do with an existing file.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~Mode) != 0)
        {
            File.SetUnixFileMode(path, Mode);
        }
    }
}

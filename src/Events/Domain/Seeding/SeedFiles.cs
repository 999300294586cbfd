namespace Kvk.Domain.Seeding;

/// <summary>Where the project's own data files are: <c>seeds/</c>, copied beside the assemblies at build time.</summary>
public static class SeedFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Municipalities => Path.Combine(Directory, "municipalities.csv");

    public static string Rounds => Path.Combine(Directory, "rounds.json");
}

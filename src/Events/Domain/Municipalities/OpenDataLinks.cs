namespace Kvk.Domain.Municipalities;

/// <summary>
/// Links the municipalities and counties to the rest of the open-data world, from the reference files in
/// <c>seeds/</c> (their sources in seeds/SOURCES.md): Wikidata items, SCB's population on 2018-12-31 and SKR's
/// municipality group. A file that is absent adds nothing; a file that is present must cover every code.
/// </summary>
public static class OpenDataLinks
{
    public const string PopulationSource = "SCB, folkmängd per kommun (BE0101), CC0";

    public static MunicipalityDirectory Add(MunicipalityDirectory directory, string seedDirectory)
    {
        var countyItems = Columns(Path.Combine(seedDirectory, "lan_wikidata.csv"), 3);
        var items = Columns(Path.Combine(seedDirectory, "kommun_wikidata.csv"), 4);
        var population = Rows(Path.Combine(seedDirectory, "kommun_population_2018.csv"));
        var groups = Columns(Path.Combine(seedDirectory, "kommun_kommungrupp_2025.csv"), 3);
        var counties = directory.Counties.ToDictionary(
            c => c.Code,
            c => c with { WikidataId = Required(countyItems, c.Code, "lan_wikidata.csv") },
            StringComparer.Ordinal);
        return new MunicipalityDirectory(directory.All.Select(m => m with
        {
            County = counties[m.County.Code],
            WikidataId = Required(items, m.Code, "kommun_wikidata.csv"),
            Population = population is null ? null : new Population(
                int.Parse(population[m.Code][2], System.Globalization.CultureInfo.InvariantCulture),
                population[m.Code][3],
                PopulationSource),
            MunicipalityGroup = Required(groups, m.Code, "kommun_kommungrupp_2025.csv"),
        }));
    }

    private static string? Required(Dictionary<string, string>? column, string code, string file) =>
        column is null ? null
        : column.TryGetValue(code, out var value) && value.Length > 0 ? value
        : throw new InvalidDataException($"{file} has no value for code {code}.");

    private static Dictionary<string, string>? Columns(string path, int column) =>
        Rows(path)?.ToDictionary(r => r.Key, r => r.Value[column], StringComparer.Ordinal);

    /// <summary>The rows of a reference file by their code (first column). These files hold no quoted fields.</summary>
    private static Dictionary<string, string[]>? Rows(string path) => File.Exists(path)
        ? File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(f => f[0], StringComparer.Ordinal)
        : null;
}

using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Municipalities;

public sealed class OpenDataLinksTests
{
    private static readonly MunicipalityDirectory Directory = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    [Fact]
    public void A_municipality_is_linked_to_its_wikidata_item_population_and_group_and_its_county_to_its_item()
    {
        var stockholm = Directory.Find("0180")!;

        Assert.Equal(("Q506250", "A1", "Q104231"), (stockholm.WikidataId, stockholm.MunicipalityGroup, stockholm.County.WikidataId));
        Assert.Equal(new Population(962154, "2018-12-31", OpenDataLinks.PopulationSource), stockholm.Population);
        Assert.All(Directory.All, m => Assert.NotNull(m.Population));
    }

    [Fact]
    public void Absent_reference_files_add_nothing()
    {
        using var seeds = new SeedCopy("municipalities.csv");
        var stockholm = MunicipalityDirectory.Load(seeds.Municipalities).Find("0180")!;

        Assert.Equal((null, null, null, null), (stockholm.WikidataId, stockholm.MunicipalityGroup, stockholm.County.WikidataId, (object?)stockholm.Population));
    }

    [Theory]
    [InlineData("lan_wikidata.csv")]
    [InlineData("kommun_wikidata.csv")]
    [InlineData("kommun_kommungrupp_2025.csv")]
    public void A_reference_file_that_misses_a_code_is_rejected(string file)
    {
        using var seeds = new SeedCopy("municipalities.csv", file);
        var path = Path.Combine(seeds.Path, file);
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("01", StringComparison.Ordinal)));

        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Load(seeds.Municipalities));
    }

    [Fact]
    public void A_reference_file_with_an_empty_value_is_rejected()
    {
        using var seeds = new SeedCopy("municipalities.csv", "kommun_wikidata.csv");
        var file = Path.Combine(seeds.Path, "kommun_wikidata.csv");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Q506250", "", StringComparison.Ordinal));

        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Load(seeds.Municipalities));
    }

    [Fact]
    public void A_reference_file_is_read_around_its_blank_lines()
    {
        using var seeds = new SeedCopy("municipalities.csv", "kommun_wikidata.csv");
        File.AppendAllText(Path.Combine(seeds.Path, "kommun_wikidata.csv"), "\n\n");

        Assert.Equal("Q506250", MunicipalityDirectory.Load(seeds.Municipalities).Find("0180")!.WikidataId);
    }

    /// <summary>Some of the seed files, copied into a directory of their own.</summary>
    private sealed class SeedCopy : IDisposable
    {
        public SeedCopy(params string[] files)
        {
            System.IO.Directory.CreateDirectory(Path);
            foreach (var file in files)
            {
                File.Copy(System.IO.Path.Combine(SeedFiles.Directory, file), System.IO.Path.Combine(Path, file));
            }
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kvk-seeds-" + Guid.NewGuid().ToString("N"));

        public string Municipalities => System.IO.Path.Combine(Path, "municipalities.csv");

        public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
    }
}

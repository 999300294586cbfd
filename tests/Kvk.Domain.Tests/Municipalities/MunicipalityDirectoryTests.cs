using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Municipalities;

public sealed class MunicipalityDirectoryTests
{
    private static readonly MunicipalityDirectory Directory = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    [Fact]
    public void Sweden_has_290_municipalities_in_21_counties() =>
        Assert.Equal((290, 21), (Directory.All.Count, Directory.Counties.Count));

    [Fact]
    public void Codes_keep_their_leading_zeros_and_names_are_the_short_ones()
    {
        var stockholm = Directory.Find("0180")!;

        Assert.Equal(("Stockholm", "Stockholms kommun", "01", "Stockholms län", "Stockholm"), (stockholm.Name, stockholm.OfficialName, stockholm.County.Code, stockholm.County.Name, stockholm.County.ShortName));
    }

    [Fact]
    public void The_misspelt_official_names_of_the_source_are_corrected() =>
        Assert.Equal(["Kalmar kommun", "Kalix kommun", "Överkalix kommun"], new[] { "0880", "2514", "2513" }.Select(c => Directory.Find(c)!.OfficialName));

    [Fact]
    public void All_290_official_names_follow_the_genitive_rule_and_equal_the_checked_official_list()
    {
        // seeds/kommun_wikidata.csv: kommunkod, kommun, kommun_namn (the checked official name), lanskod, wikidata, note.
        var official = File.ReadAllLines(Path.Combine(SeedFiles.Directory, "kommun_wikidata.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Short: f[1], Official: f[2]), StringComparer.Ordinal);

        Assert.Equal(290, official.Count);
        Assert.All(Directory.All, m => Assert.Equal((official[m.Code].Short, official[m.Code].Official), (m.Name, m.OfficialName)));
        Assert.All(Directory.All, m => Assert.Equal(official[m.Code].Official, OfficialName.Of(m.Code, m.Name)));
    }

    [Theory]
    [InlineData("2080", "Falun", "Falu kommun")]
    [InlineData("0880", "Kalmar", "Kalmar kommun")]
    [InlineData("1490", "Borås", "Borås kommun")]
    [InlineData("2514", "Kalix", "Kalix kommun")]
    [InlineData("1440", "Ale", "Ale kommun")]
    [InlineData("0840", "Mörbylånga", "Mörbylånga kommun")]
    [InlineData("0180", "Stockholm", "Stockholms kommun")]
    public void The_genitive_adds_s_except_after_a_vowel_s_x_or_z_and_for_the_listed_exceptions(string code, string name, string expected) =>
        Assert.Equal(expected, OfficialName.Of(code, name));

    [Fact]
    public void The_official_names_in_the_seed_file_are_the_corrected_ones() =>
        Assert.All(File.ReadAllLines(SeedFiles.Municipalities).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')),
            f => Assert.Equal(Directory.Find(f[0])!.OfficialName, f[1]));

    [Fact]
    public void A_file_without_the_expected_header_is_rejected() =>
        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Parse(["code,name", "0180,Stockholm"]));
}

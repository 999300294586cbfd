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

        Assert.Equal(
            ("Stockholm", "Stockholms kommun", "01", "Stockholms län", "Stockholm"),
            (stockholm.Name, stockholm.OfficialName, stockholm.County.Code, stockholm.County.Name, stockholm.County.ShortName));
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

    private const string Header = "municipality_code,municipality_name,municipality_name_short,county_code,county_name,county_name_short";
    private const string StockholmRow = "0180,Stockholms kommun,Stockholm,01,Stockholms län,Stockholm";

    [Fact]
    public void A_file_without_the_expected_header_is_rejected()
    {
        // The row is well formed: only the header can be what is refused.
        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Parse(["code,name,short,county,county_name,county_short", StockholmRow]));
        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Parse([]));
    }

    [Fact]
    public void A_file_with_the_header_is_read_around_blank_lines_and_surrounding_spaces()
    {
        var directory = MunicipalityDirectory.Parse([$" {Header} ", "", StockholmRow, "  ", "0643,Habo kommun,Habo,06,Jönköpings län,Jönköping"]);

        Assert.Equal(["0180", "0643"], directory.All.Select(m => m.Code));
        Assert.Equal(new County("06", "Jönköpings län", "Jönköping"), directory.Find("0643")!.County);
    }

    [Theory]
    [InlineData("0180,Stockholms kommun,Stockholm,01,Stockholms län")]
    [InlineData("0180,Stockholms kommun,Stockholm,01,Stockholms län,Stockholm,extra")]
    [InlineData("180,Stockholms kommun,Stockholm,01,Stockholms län,Stockholm")]
    [InlineData("0180,Stockholms kommun,Stockholm,1,Stockholms län,Stockholm")]
    public void A_malformed_row_is_rejected(string row) =>
        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Parse([Header, StockholmRow, row]));

    [Fact]
    public void Municipalities_of_one_county_share_it()
    {
        var directory = MunicipalityDirectory.Parse([Header, StockholmRow, "0114,Upplands Väsby kommun,Upplands Väsby,01,Stockholms län,Stockholm"]);

        Assert.Same(directory.Find("0114")!.County, directory.Find("0180")!.County);
    }

    [Fact]
    public void A_municipality_is_found_by_its_code_with_surrounding_spaces_and_not_by_anything_else()
    {
        Assert.Equal("Stockholm", Directory.Find(" 0180 ")!.Name);
        Assert.Null(Directory.Find(null));
        Assert.Null(Directory.Find("9999"));
    }

    [Fact]
    public void Counties_are_found_by_code_and_list_their_municipalities()
    {
        Assert.Equal("Jönköpings län", Directory.FindCounty("06")!.Name);
        Assert.Null(Directory.FindCounty("99"));
        Assert.Null(Directory.FindCounty(null));
        Assert.Contains(Directory.InCounty("06"), m => m.Code == "0643");
        Assert.All(Directory.InCounty("06"), m => Assert.Equal("06", m.County.Code));
        Assert.Equal(13, Directory.InCounty("06").Count());
    }

    [Fact]
    public void Municipalities_and_counties_are_listed_by_code()
    {
        Assert.Equal(Directory.All.Select(m => m.Code).Order(StringComparer.Ordinal), Directory.All.Select(m => m.Code));
        Assert.Equal(Directory.Counties.Select(c => c.Code).Order(StringComparer.Ordinal), Directory.Counties.Select(c => c.Code));
        Assert.Equal("01", Directory.Counties[0].Code);
    }
}

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
    public void A_file_without_the_expected_header_is_rejected() =>
        Assert.Throws<InvalidDataException>(() => MunicipalityDirectory.Parse(["code,name", "0180,Stockholm"]));
}

using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.Secretariat;

/// <summary>The secretariat's mutations take an optional source, validate it, and the public reads it back beside the fact.</summary>
public sealed class SourceInputTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private const string Habo = "0643";
    private const string Svedala = "1263";

    private static readonly object PressRelease = new
    {
        title = "Habo är Sveriges KvalitetsKommun",
        publisher = "Svenska Mässan",
        url = "https://www.mynewsdesk.com/se/svenska_massan/pressreleases/habo",
        publishedOn = "2027-11-14",
    };

    [Fact]
    public async Task A_source_given_with_each_mutation_is_served_with_the_nomination_the_decision_and_the_award()
    {
        var year = (await kvk.Given.AnOpenRound()).Year;
        var list = new
        {
            title = "Fyra kommuner nominerade",
            publisher = "Kvalitetsmässan",
            url = "https://kvalitetsmassan.se/nominerade",
            publishedOn = "2027-03",
        };
        await kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo, source = list });
        await kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Svedala });
        await kvk.AcceptedAsync(
            "recordJuryDecision", "RecordJuryDecisionInput",
            new { year, municipalityCode = Habo, motivation = "Habo visar vägen.", source = new { title = "Juryns protokoll" } });
        await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year, source = PressRelease });
        await kvk.AcceptedAsync(
            "correctMotivation", "CorrectMotivationInput",
            new
            {
                year,
                motivation = "Habo visar vägen framåt.",
                reason = "Ett ord föll bort.",
                source = new { title = "Rättelse", publishedOn = "2027" },
            });

        var round = (await kvk.Server.QueryAsync(
            "query($y: Int!) { round(year: $y) { nomineesKnown nominees { municipality { code } sources { title publisher url publishedOn supports } } "
            + "decision { sources { title supports } } award { sources { title publisher url publishedOn supports } } } }",
            new { y = year }))["round"]!;

        Assert.Equal("FULL_LIST", round["nomineesKnown"]!.GetValue<string>());
        var habo = round["nominees"]!.AsArray().Single(n => n!["municipality"]!["code"]!.GetValue<string>() == Habo)!;
        var nominationSource = Assert.Single(habo["sources"]!.AsArray())!;
        Assert.Equal("https://kvalitetsmassan.se/nominerade", nominationSource["url"]!.GetValue<string>());
        Assert.Equal("2027-03", nominationSource["publishedOn"]!.GetValue<string>());
        Assert.Equal("the nomination", nominationSource["supports"]!.GetValue<string>());
        Assert.Empty(round["nominees"]!.AsArray().Single(n => n!["municipality"]!["code"]!.GetValue<string>() == Svedala)!["sources"]!.AsArray());
        Assert.Equal(["Juryns protokoll", "Rättelse"], round["decision"]!["sources"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
        var award = round["award"]!["sources"]!.AsArray();
        Assert.Equal(["Habo är Sveriges KvalitetsKommun", "Rättelse"], award.Select(s => s!["title"]!.GetValue<string>()));
        Assert.Equal("Svenska Mässan", award[0]!["publisher"]!.GetValue<string>());
        Assert.Equal("the announcement", award[0]!["supports"]!.GetValue<string>());
        Assert.Equal("the corrected motivation", award[1]!["supports"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://kvalitetsmassan.se/", null, "url")]
    [InlineData("kvalitetsmassan.se/nominerade", null, "url")]
    [InlineData("javascript:alert(1)", null, "url")]
    [InlineData(null, "14 november 2049", "publishedOn")]
    [InlineData(null, "2049-13", "publishedOn")]
    [InlineData(null, "2049-02-30", "publishedOn")]
    public async Task A_source_with_a_bad_url_or_date_is_refused_as_invalid_input_and_nothing_is_recorded(string? url, string? publishedOn, string named)
    {
        var open = await kvk.Given.AnOpenRound();
        var year = open.Year;

        var payload = await kvk.MutateAsync(
            "nominateMunicipality",
            "NominateMunicipalityInput",
            new { year, municipalityCode = Habo, source = new { title = "Nominerade", url, publishedOn } });

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("INVALID_INPUT", error["code"]!.GetValue<string>());
        Assert.Contains(named, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(payload["round"]);
        var round = (await kvk.Server.QueryAsync(
            "query($y: Int!) { round(year: $y) { version nominees { municipality { code } } } }",
            new { y = year }))["round"]!;
        Assert.Equal(open.Version, round["version"]!.GetValue<int>());
        Assert.Empty(round["nominees"]!.AsArray());
    }

    [Fact]
    public async Task A_source_without_a_title_is_refused_for_every_mutation_that_takes_one()
    {
        var payload = await kvk.MutateAsync("announceAward", "AnnounceAwardInput", new { year = RoundYears.NeverRecorded, source = new { title = "  " } });

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("INVALID_INPUT", error["code"]!.GetValue<string>());
        Assert.Contains("title", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

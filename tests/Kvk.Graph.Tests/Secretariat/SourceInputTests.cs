namespace Kvk.Graph.Tests.Secretariat;

/// <summary>The secretariat's mutations take an optional source, validate it, and the public reads it back beside the fact.</summary>
[Collection(SecretariatHost.Name)]
public sealed class SourceInputTests(SecretariatKvk kvk)
{
    private const string Habo = "0643";
    private const string Svedala = "1263";

    private static readonly object PressRelease = new
    {
        title = "Habo är Sveriges KvalitetsKommun 2047",
        publisher = "Svenska Mässan",
        url = "https://www.mynewsdesk.com/se/svenska_massan/pressreleases/habo-2047",
        publishedOn = "2047-11-14",
    };

    [Fact]
    public async Task A_source_given_with_each_mutation_is_served_with_the_nomination_the_decision_and_the_award()
    {
        await kvk.AcceptedAsync("openRound", "OpenRoundInput", new { year = 2047 });
        var list = new { title = "Fyra kommuner nominerade 2047", publisher = "Kvalitetsmässan", url = "https://kvalitetsmassan.se/2047/nominerade", publishedOn = "2047-03" };
        await kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year = 2047, municipalityCode = Habo, source = list });
        await kvk.AcceptedAsync("nominateMunicipality", "NominateMunicipalityInput", new { year = 2047, municipalityCode = Svedala });
        await kvk.AcceptedAsync("recordJuryDecision", "RecordJuryDecisionInput", new { year = 2047, municipalityCode = Habo, motivation = "Habo visar vägen.", source = new { title = "Juryns protokoll 2047" } });
        await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year = 2047, source = PressRelease });
        await kvk.AcceptedAsync("correctMotivation", "CorrectMotivationInput", new { year = 2047, motivation = "Habo visar vägen framåt.", reason = "Ett ord föll bort.", source = new { title = "Rättelse", publishedOn = "2047" } });

        var round = (await kvk.Server.QueryAsync(
            "{ round(year: 2047) { nomineesKnown nominees { municipality { code } sources { title publisher url publishedOn supports } } decision { sources { title supports } } award { sources { title publisher url publishedOn supports } } } }"))["round"]!;

        Assert.Equal("FULL_LIST", round["nomineesKnown"]!.GetValue<string>());
        var habo = round["nominees"]!.AsArray().Single(n => n!["municipality"]!["code"]!.GetValue<string>() == Habo)!;
        var nominationSource = Assert.Single(habo["sources"]!.AsArray())!;
        Assert.Equal("https://kvalitetsmassan.se/2047/nominerade", nominationSource["url"]!.GetValue<string>());
        Assert.Equal("2047-03", nominationSource["publishedOn"]!.GetValue<string>());
        Assert.Equal("the nomination", nominationSource["supports"]!.GetValue<string>());
        Assert.Empty(round["nominees"]!.AsArray().Single(n => n!["municipality"]!["code"]!.GetValue<string>() == Svedala)!["sources"]!.AsArray());
        Assert.Equal(["Juryns protokoll 2047", "Rättelse"], round["decision"]!["sources"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
        var award = round["award"]!["sources"]!.AsArray();
        Assert.Equal(["Habo är Sveriges KvalitetsKommun 2047", "Rättelse"], award.Select(s => s!["title"]!.GetValue<string>()));
        Assert.Equal("Svenska Mässan", award[0]!["publisher"]!.GetValue<string>());
        Assert.Equal("the announcement", award[0]!["supports"]!.GetValue<string>());
        Assert.Equal("the corrected motivation", award[1]!["supports"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(2051, "ftp://kvalitetsmassan.se/", null, "url")]
    [InlineData(2053, "kvalitetsmassan.se/nominerade", null, "url")]
    [InlineData(2055, "javascript:alert(1)", null, "url")]
    [InlineData(2057, null, "14 november 2049", "publishedOn")]
    [InlineData(2059, null, "2049-13", "publishedOn")]
    [InlineData(2061, null, "2049-02-30", "publishedOn")]
    public async Task A_source_with_a_bad_url_or_date_is_refused_as_invalid_input_and_nothing_is_recorded(int year, string? url, string? publishedOn, string named)
    {
        var version = (await kvk.AcceptedAsync("openRound", "OpenRoundInput", new { year }))["round"]!["version"]!.GetValue<int>();

        var payload = await kvk.MutateAsync("nominateMunicipality", "NominateMunicipalityInput", new { year, municipalityCode = Habo, source = new { title = "Nominerade", url, publishedOn } });

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("INVALID_INPUT", error["code"]!.GetValue<string>());
        Assert.Contains(named, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(payload["round"]);
        var round = (await kvk.Server.QueryAsync("query($y: Int!) { round(year: $y) { version nominees { municipality { code } } } }", new { y = year }))["round"]!;
        Assert.Equal(version, round["version"]!.GetValue<int>());
        Assert.Empty(round["nominees"]!.AsArray());
    }

    [Fact]
    public async Task A_source_without_a_title_is_refused_for_every_mutation_that_takes_one()
    {
        var payload = await kvk.MutateAsync("announceAward", "AnnounceAwardInput", new { year = 2199, source = new { title = "  " } });

        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal("INVALID_INPUT", error["code"]!.GetValue<string>());
        Assert.Contains("title", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

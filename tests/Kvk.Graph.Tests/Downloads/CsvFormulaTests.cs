using Kvk.Graph.Tests.Secretariat;

namespace Kvk.Graph.Tests.Downloads;

/// <summary>A recorded text that a spreadsheet would run as a formula comes out of the download as text.</summary>
public sealed class CsvFormulaTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    [Fact]
    public async Task A_formula_like_motivation_and_reason_come_back_quoted_and_neutralised_in_the_downloads()
    {
        const string motivation = "=HYPERLINK(\"https://example.org\",\"Habo\")";
        const string reason = "-Kommunen avstod.";
        var year = (await kvk.Given.ARoundWithNominees("0643", "1263")).Year;
        await kvk.AcceptedAsync("withdrawNomination", "WithdrawNominationInput", new { year, municipalityCode = "1263", reason });
        await kvk.AcceptedAsync("recordJuryDecision", "RecordJuryDecisionInput", new { year, municipalityCode = "0643", motivation });
        await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year });

        var awardsBytes = await kvk.Server.Client.GetByteArrayAsync("/download/awards.csv");
        var awards = DownloadFiles.Parse(awardsBytes);
        var nominations = DownloadFiles.Parse(await kvk.Server.Client.GetByteArrayAsync("/download/nominations.csv"));

        Assert.Equal("'" + motivation, awards.Single(a => a[0] == $"{year}")[Array.IndexOf(awards[0], "motivation")]);
        Assert.Contains(
            "\"'=HYPERLINK(\"\"https://example.org\"\",\"\"Habo\"\")\"",
            System.Text.Encoding.UTF8.GetString(awardsBytes),
            StringComparison.Ordinal);
        Assert.Equal("'" + reason, nominations.Single(n => n[0] == $"{year}" && n[1] == "1263")[Array.IndexOf(nominations[0], "withdrawalReason")]);
    }
}

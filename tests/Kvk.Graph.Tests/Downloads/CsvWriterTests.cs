using System.Text;
using Kvk.Graph.Downloads;

namespace Kvk.Graph.Tests.Downloads;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+46 8 123")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tindrag")]
    [InlineData("\rretur")]
    public void A_cell_a_spreadsheet_would_read_as_a_formula_comes_back_quoted_and_neutralised(string cell)
    {
        var rows = DownloadFiles.Parse(CsvWriter.Write(["a", "b"], [["Habo", cell]]));

        Assert.Equal(["Habo", "'" + cell], rows[1]);
        Assert.Contains(
            "\"'" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            Encoding.UTF8.GetString(CsvWriter.Write(["a"], [[cell]])),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Habo kommun")]
    [InlineData("0180")]
    [InlineData("2025-11-23")]
    [InlineData("")]
    public void Other_cells_are_left_as_they_are(string cell) =>
        Assert.Equal(cell, DownloadFiles.Parse(CsvWriter.Write(["a"], [[cell]]))[1].Single());
}

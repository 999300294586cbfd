using System.Globalization;
using System.Text;

namespace Kvk.Graph.Downloads;

/// <summary>
/// RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel shows å, ä, ö), CRLF
/// line ends, every field quoted, so that codes such as "0180" are read as text. A cell a spreadsheet would read as a
/// formula (starting with =, +, -, @, a tab or a carriage return) is neutralised with a leading apostrophe, which
/// spreadsheets show as text (OWASP's advice against CSV injection); no value Kvk writes starts so otherwise.
/// </summary>
public static class CsvWriter
{
    /// <param name="separator">',' by the RFC; ';' for Excel in Swedish (and other locales whose decimal separator is a comma).</param>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, char separator = ',')
    {
        var text = new StringBuilder();
        Line(text, header, separator);
        foreach (var row in rows)
        {
            Line(text, row.Select(value => Neutralised(Format(value))), separator);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The cell as a spreadsheet must show it: as text, never as a formula to evaluate.</summary>
    public static string Neutralised(string cell) => cell.Length > 0 && FormulaStarts.Contains(cell[0]) ? "'" + cell : cell;

    private static void Line(StringBuilder text, IEnumerable<string> fields, char separator)
    {
        text.AppendJoin(separator, fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        text.Append("\r\n");
    }
}

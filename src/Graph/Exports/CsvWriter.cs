using System.Globalization;
using System.Text;

namespace Kvk.Graph.Exports;

/// <summary>
/// RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel shows å, ä, ö), CRLF
/// line ends, every field quoted, so that codes such as "0180" are read as text.
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
            Line(text, row.Select(Format), separator);
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

    private static void Line(StringBuilder text, IEnumerable<string> fields, char separator)
    {
        text.AppendJoin(separator, fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        text.Append("\r\n");
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kvk.Domain.PublicLog;

/// <summary>
/// The one text of a JSON value that the public log hashes: the JSON Canonicalization Scheme (RFC 8785). Members sorted by
/// their names' UTF-16 code units, no whitespace, strings with only the escapes JSON requires. Anyone can compute it from
/// a parsed line with a standard library (Python: <c>json.dumps(v, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=False)</c> agrees on everything the log holds), so a hash does not depend on how a line was written.
/// </summary>
public static class CanonicalJson
{
    public static string Of(JsonElement value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    public static string Of(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Of(document.RootElement);
    }

    private static void Write(JsonElement value, StringBuilder text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var member in value.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(member.Name, text);
                    text.Append(':');
                    Write(member.Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    text.Append(index++ == 0 ? "" : ",");
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(value.GetString()!, text);
                break;
            case JsonValueKind.Number:
                text.Append(Number(value));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    // RFC 8785 writes numbers as ECMAScript does; the log holds whole numbers (years, versions, positions), which it writes
    // as integers. A fraction is written by .NET's shortest round-trip form, which agrees with ECMAScript's for it.
    private static string Number(JsonElement value) => value.TryGetInt64(out var whole)
        ? whole.ToString(CultureInfo.InvariantCulture)
        : value.GetDouble().ToString("R", CultureInfo.InvariantCulture)
            .Replace("E+", "e+", StringComparison.Ordinal)
            .Replace("E-", "e-", StringComparison.Ordinal);

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ':
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}

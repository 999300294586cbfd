using System.Globalization;
using System.Text;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// A value a client chose (an operation's name, a path), made safe to write into a log: control
/// characters are escaped, so a newline cannot start a line of the sender's choosing, and it is cut short.
/// </summary>
public static class LogValue
{
    public const int MaxLength = 200;

    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        foreach (var c in value.Length > MaxLength ? value[..MaxLength] : value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return value.Length > MaxLength ? text.Append('…').ToString() : text.ToString();
    }
}

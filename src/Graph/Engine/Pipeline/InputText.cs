using System.Globalization;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What text an input may hold. Tab, line feed and carriage return are text; every other control
/// character (C0, DEL, C1) and an unpaired surrogate are not: PostgreSQL refuses a NUL outright, and the
/// others only ever arrive by mistake or by intent. Refusing them here names the input; letting them
/// reach the database made an internal error of them.
/// </summary>
public static class InputText
{
    /// <param name="isName">A name (an operation's, a document's id) holds no line breaks or tabs either.</param>
    /// <returns>The first character that is not text, or null when there is none.</returns>
    public static int? FirstUnsafeCharacter(string text, bool isName = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 ? isName || c is not ('\t' or '\n' or '\r') : c is >= '\u007f' and <= '\u009f')
            {
                return c;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return c;
            }
        }

        return null;
    }

    public static string Describe(int character) =>
        character is >= 0xD800 and <= 0xDFFF
            ? string.Create(CultureInfo.InvariantCulture, $"an unpaired surrogate (U+{character:X4})")
            : string.Create(CultureInfo.InvariantCulture, $"the control character U+{character:X4}");
}

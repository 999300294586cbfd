using System.Text;
using System.Xml;

namespace Kvk.Graph.Feeds;

/// <summary>
/// Text as XML 1.0 can hold it. The writer escapes markup, but no escape makes a NUL, another C0 control character,
/// U+FFFE/U+FFFF or an unpaired surrogate legal in XML: a feed with one is not XML at all, and a reader drops the whole
/// feed. Stored text may hold them (the store's recorder takes what the API's input rules would refuse), so each is
/// replaced by U+FFFD, which shows that something was there.
/// </summary>
public static class XmlSafeText
{
    public const char Replacement = '\uFFFD';

    public static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                cleaned ??= new StringBuilder(text.Length).Append(text, 0, i);
                cleaned.Append(Replacement);
            }
        }

        return cleaned?.ToString() ?? text;
    }
}

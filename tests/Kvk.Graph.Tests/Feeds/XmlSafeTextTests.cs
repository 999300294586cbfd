using System.Xml;
using Kvk.Graph.Feeds;

namespace Kvk.Graph.Tests.Feeds;

/// <summary>Text XML 1.0 cannot hold is replaced, one U+FFFD for each such character; all else is kept as it is.</summary>
public sealed class XmlSafeTextTests
{
    [Theory]
    [InlineData("Höganäs – ”Väl värt” <&> \t\r\n", "Höganäs – ”Väl värt” <&> \t\r\n")]
    [InlineData("a\0b", "a\uFFFDb")]
    [InlineData("\u0001\u0008\u000B\u000C\u001F", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD")]
    [InlineData("\uFFFE\uFFFF", "\uFFFD\uFFFD")]
    [InlineData("emoji \U0001F3C6 kept", "emoji \U0001F3C6 kept")]
    public void Cleans_what_xml_cannot_hold(string text, string cleaned) => AssertCleaned(text, cleaned);

    /// <summary>Unpaired surrogates are made here: an attribute's text (UTF-8 in the assembly) cannot carry them to the test.</summary>
    [Fact]
    public void Replaces_an_unpaired_surrogate()
    {
        var (high, low) = ('\uD83C', '\uDFC6');
        AssertCleaned($"lone {high} high", "lone \uFFFD high");
        AssertCleaned($"lone {low} low", "lone \uFFFD low");
        AssertCleaned($"swapped {low}{high}", "swapped \uFFFD\uFFFD");
        AssertCleaned($"at the end {high}", "at the end \uFFFD");
    }

    private static void AssertCleaned(string text, string cleaned)
    {
        Assert.Equal(cleaned, XmlSafeText.Clean(text));

        // What it gives, an XML writer that checks every character writes.
        using var writer = XmlWriter.Create(new StringWriter(), new XmlWriterSettings { CheckCharacters = true });
        writer.WriteElementString("t", XmlSafeText.Clean(text));
    }
}

using System.Text;
using System.Xml;
using Kvk.Graph.Explorer;

namespace Kvk.Graph.Feeds;

/// <summary>An entry of an Atom feed: one fact of a round.</summary>
/// <param name="Link">The absolute address of the entry's page (the round's page of the explorer).</param>
/// <param name="Content">Plain text (the jury's motivation, in Swedish whatever the feed's language); null for none.</param>
public sealed record AtomEntry(string Id, string Title, string Link, DateTimeOffset Updated, string? Content);

/// <summary>
/// An Atom 1.0 feed (RFC 4287), newest entry first.
/// </summary>
/// <param name="Self">The feed's own absolute address.</param>
/// <param name="Alternate">The absolute address of the explorer's page the feed follows.</param>
public sealed record AtomFeed(string Id, string Title, string Language, string Self, string Alternate, IReadOnlyList<AtomEntry> Entries)
{
    public const string ContentType = ExplorerLayout.FeedType + "; charset=utf-8";

    /// <summary>The author of the feed and every entry: the record itself, not the secretary who recorded a fact.</summary>
    public const string Author = "Kvk";

    /// <summary>What the content of an entry is written in: the jury's motivations are quoted as written, in Swedish.</summary>
    private const string ContentLanguage = "sv";

    private const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// When a feed without entries was last updated: a fixed moment, so that its bytes (and its ETag) do not change
    /// with the clock while nothing is recorded.
    /// </summary>
    private static readonly DateTimeOffset NeverUpdated = DateTimeOffset.UnixEpoch;

    /// <summary>The latest entry's moment.</summary>
    public DateTimeOffset Updated => Entries.Count == 0 ? NeverUpdated : Entries.Max(e => e.Updated);

    /// <summary>
    /// The feed as UTF-8 XML, written by <see cref="XmlWriter"/>, so that every value is escaped; text XML cannot hold is
    /// replaced first (<see cref="XmlSafeText"/>).
    /// </summary>
    public byte[] ToXml()
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, Language);
            Text(xml, "id", Id);
            Text(xml, "title", Title);
            Text(xml, "updated", ExplorerLanguage.MachineTime(Updated));
            Link(xml, "self", ExplorerLayout.FeedType, Self);
            Link(xml, "alternate", "text/html", Alternate);
            xml.WriteStartElement("author");
            Text(xml, "name", Author);
            xml.WriteEndElement();
            foreach (var entry in Entries)
            {
                xml.WriteStartElement("entry");
                Text(xml, "id", entry.Id);
                Text(xml, "title", entry.Title);
                Link(xml, "alternate", "text/html", entry.Link);
                Text(xml, "updated", ExplorerLanguage.MachineTime(entry.Updated));
                if (entry.Content is { } content)
                {
                    xml.WriteStartElement("content");
                    xml.WriteAttributeString("type", "text");
                    xml.WriteAttributeString("xml", "lang", null, ContentLanguage);
                    xml.WriteString(XmlSafeText.Clean(content));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void Text(XmlWriter xml, string element, string text) => xml.WriteElementString(element, XmlSafeText.Clean(text));

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", XmlSafeText.Clean(href));
        xml.WriteEndElement();
    }
}

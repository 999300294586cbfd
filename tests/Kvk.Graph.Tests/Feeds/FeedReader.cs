using System.Collections.ObjectModel;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Kvk.Graph.Tests.Feeds;

/// <summary>A feed as served: its response, its bytes, and the feed as a real feed parser reads it.</summary>
public sealed record FeedResponse(HttpResponseMessage Response, byte[] Bytes, SyndicationFeed Feed)
{
    public IReadOnlyList<SyndicationItem> Entries => [.. Feed.Items];

    /// <summary>The entries of a round's facts: their titles begin with the round's title.</summary>
    public IReadOnlyList<SyndicationItem> EntriesOf(int year) =>
        [.. Entries.Where(e => e.Title.Text.StartsWith($"Sveriges KvalitetsKommun {year} – ", StringComparison.Ordinal))];
}

/// <summary>Reads the feeds with a real parser (<see cref="SyndicationFeed.Load(XmlReader)"/>), as a feed reader would.</summary>
public static class FeedReader
{
    public const string AtomType = "application/atom+xml";

    /// <summary>Gets a feed that must be there (200, Atom, UTF-8) and parses it.</summary>
    public static async Task<FeedResponse> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}.");
        Assert.Equal(AtomType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return new FeedResponse(response, bytes, Parse(bytes));
    }

    public static SyndicationFeed Parse(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader);
    }

    /// <summary>The address of the one link of <paramref name="relationship"/>, as a path of the host.</summary>
    public static string Link(this Collection<SyndicationLink> links, string relationship) =>
        Assert.Single(links, l => l.RelationshipType == relationship).Uri.PathAndQuery;

    /// <summary>The text of an entry's content, null for none.</summary>
    public static string? Text(this SyndicationItem entry) => (entry.Content as TextSyndicationContent)?.Text;
}

using System.Runtime.CompilerServices;

namespace Kvk.Graph.PublicLog;

/// <summary>
/// The lines of a public log, from a file of NDJSON or from a Kvk's base address (following <c>GET /events</c> page by
/// page as its <c>Link: rel="next"</c> says): what <c>verify</c> checks and <c>mirror</c> copies.
/// </summary>
public sealed class PublicLogSource : IDisposable
{
    private readonly HttpClient? _client;
    private readonly string _file;

    public PublicLogSource(string source)
    {
        _file = source;
        if (Uri.TryCreate(source, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            _client = new HttpClient { BaseAddress = new Uri(source.TrimEnd('/') + "/") };
        }
    }

    /// <summary>A host's client (null for a file), e.g. to ask the host the data version it names.</summary>
    public HttpClient? Host => _client;

    public IAsyncEnumerable<string> LinesAsync(CancellationToken cancellationToken) =>
        _client is null ? File.ReadLinesAsync(_file, cancellationToken) : PagesAsync(_client, cancellationToken);

    private static async IAsyncEnumerable<string> PagesAsync(HttpClient client, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = $"{EventsEndpoint.Path}?limit={EventsEndpoint.MaxLimit}";
        while (next is not null)
        {
            using var response = await client.GetAsync(next.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await body.ReadLineAsync(cancellationToken) is { } line)
            {
                yield return line;
            }

            var link = response.Headers.TryGetValues("Link", out var links)
                ? links.FirstOrDefault(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal))
                : null;
            next = link?[1..link.IndexOf('>', StringComparison.Ordinal)];
        }
    }

    public void Dispose() => _client?.Dispose();
}

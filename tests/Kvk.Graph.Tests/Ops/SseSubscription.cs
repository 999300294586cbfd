using System.Text.Json;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Ops;

/// <summary>A subscription over Server-Sent Events (graphql-sse, distinct connections), read event by event as it streams.</summary>
public sealed class SseSubscription : IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseSubscription(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    /// <param name="client">Disposed with the stream.</param>
    public static async Task<SseSubscription> OpenAsync(HttpClient client, string subscription)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = KvkTestServer.Json(JsonSerializer.Serialize(new { query = subscription })),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseSubscription(client, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The data of the next event that satisfies <paramref name="wanted"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> NextDataAsync(Func<string, bool> wanted, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (await _reader.ReadLineAsync(cancellation.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && wanted(line["data: ".Length..]))
            {
                return line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
    }
}

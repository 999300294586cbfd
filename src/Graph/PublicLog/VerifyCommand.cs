using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Kvk.Domain.PublicLog;

namespace Kvk.Graph.PublicLog;

/// <summary>
/// <c>verify &lt;URL|FILE&gt;</c>: checks a public log without a database, as anyone can. From a file of NDJSON, or from a
/// Kvk's base address (following <c>GET /events</c> page by page, then comparing with the host's
/// <c>meta { dataVersion }</c>). Prints the data version reached and how many revealed seals matched.
/// </summary>
public static class VerifyCommand
{
    /// <returns>0 when the log verifies (and, from a host, reaches the version the host names); 1 otherwise.</returns>
    public static async Task<int> RunAsync(string source, TextWriter output, CancellationToken cancellationToken)
    {
        var chain = new PublicLogChain();
        var fromHost = Uri.TryCreate(source, UriKind.Absolute, out var address) && address.Scheme is "http" or "https";
        using var client = fromHost ? new HttpClient { BaseAddress = new Uri(source.TrimEnd('/') + "/") } : null;
        try
        {
            var lines = client is null ? File.ReadLinesAsync(source, cancellationToken) : LinesAsync(client, cancellationToken);
            await foreach (var line in lines)
            {
                if (line.Length > 0 && chain.Add(line) is { } fault)
                {
                    await output.WriteLineAsync($"The log does not verify: {fault}");
                    return 1;
                }
            }

            await output.WriteLineAsync(
                $"The log verifies: {chain.Position} entries, data version {chain.DataVersion}, {chain.RevealedSeals} revealed seals matched.");
            if (client is null)
            {
                return 0;
            }

            var served = await ServedVersionAsync(client, cancellationToken);
            await output.WriteLineAsync(served == chain.DataVersion
                ? $"The host names the same data version, {served}."
                : $"The host names data version {served}, not the {chain.DataVersion} its log reaches (was something recorded meanwhile? run it again).");
            return served == chain.DataVersion ? 0 : 1;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or InvalidOperationException)
        {
            await output.WriteLineAsync($"Cannot read {source}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Every line of the host's log, page after page as its <c>Link: rel="next"</c> says.</summary>
    private static async IAsyncEnumerable<string> LinesAsync(HttpClient client, [EnumeratorCancellation] CancellationToken cancellationToken)
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

    private static async Task<string?> ServedVersionAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query = "{ meta { dataVersion } }" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return answer?["data"]?["meta"]?["dataVersion"]?.GetValue<string>();
    }
}
